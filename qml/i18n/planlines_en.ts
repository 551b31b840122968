<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>ErrorPane</name>
    <message>
        <location filename="../ErrorPane.qml" line="21" />
        <source>无法打开项目</source>
        <translation>Cannot open the project</translation>
    </message>
    <message>
        <location filename="../ErrorPane.qml" line="34" />
        <source>请用 --db 指定一个 PlanLines 项目文件，或运行 “planlines sample” 生成示例县。</source>
        <translation>Give a PlanLines project file with --db, or run “planlines sample” to make the sample county.</translation>
    </message>
</context>
<context>
    <name>IdentifyPanel</name>
    <message>
        <location filename="../IdentifyPanel.qml" line="33" />
        <source>要素识别</source>
        <translation>Identify</translation>
    </message>
    <message>
        <location filename="../IdentifyPanel.qml" line="38" />
        <source>缩放至要素</source>
        <translation>Zoom to feature</translation>
    </message>
    <message>
        <location filename="../IdentifyPanel.qml" line="50" />
        <source>此处有 %1 个要素，请选择：</source>
        <translation>%1 features here; choose one:</translation>
    </message>
    <message>
        <location filename="../IdentifyPanel.qml" line="84" />
        <source>面积：%1</source>
        <translation>Area: %1</translation>
    </message>
    <message>
        <location filename="../IdentifyPanel.qml" line="85" />
        <source>长度：%1</source>
        <translation>Length: %1</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <location filename="../ImportDialog.qml" line="15" />
        <source>导入数据</source>
        <translation>Import data</translation>
    </message>
    <message>
        <location filename="../ImportDialog.qml" line="36" />
        <source>选择要导入的文件</source>
        <translation>Choose the files to import</translation>
    </message>
    <message>
        <location filename="../ImportDialog.qml" line="38" />
        <source>空间数据 (*.shp *.zip *.gdb *.gpkg *.geojson *.json *.kml *.kmz *.dxf *.tab *.mif *.csv *.sqlite *.txt)</source>
        <translation>Spatial data (*.shp *.zip *.gdb *.gpkg *.geojson *.json *.kml *.kmz *.dxf *.tab *.mif *.csv *.sqlite *.txt)</translation>
    </message>
    <message>
        <location filename="../ImportDialog.qml" line="39" />
        <source>所有文件 (*)</source>
        <translation>All files (*)</translation>
    </message>
    <message>
        <location filename="../ImportDialog.qml" line="51" />
        <source>选择文件…</source>
        <translation>Choose files…</translation>
    </message>
    <message>
        <location filename="../ImportDialog.qml" line="57" />
        <source>也可以把文件直接拖到地图上。</source>
        <translation>You can also drop files onto the map.</translation>
    </message>
    <message>
        <location filename="../ImportDialog.qml" line="76" />
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../ImportDialog.qml" line="91" />
        <source>无法识别图层的类型，请选择：</source>
        <translation>The layer's role was not recognised; choose one:</translation>
    </message>
    <message>
        <location filename="../ImportDialog.qml" line="103" />
        <source>重新导入</source>
        <translation>Import again</translation>
    </message>
    <message>
        <location filename="../ImportDialog.qml" line="110" />
        <source>导入完成</source>
        <translation>Import complete</translation>
    </message>
    <message>
        <location filename="../ImportDialog.qml" line="111" />
        <source>导入已取消</source>
        <translation>Import cancelled</translation>
    </message>
    <message>
        <location filename="../ImportDialog.qml" line="111" />
        <source>导入未全部成功</source>
        <translation>Import did not fully succeed</translation>
    </message>
</context>
<context>
    <name>LayerDelegate</name>
    <message>
        <location filename="../LayerDelegate.qml" line="71" />
        <source>上移</source>
        <translation>Move up</translation>
    </message>
    <message>
        <location filename="../LayerDelegate.qml" line="78" />
        <source>下移</source>
        <translation>Move down</translation>
    </message>
    <message>
        <location filename="../LayerDelegate.qml" line="84" />
        <source>缩放至图层</source>
        <translation>Zoom to layer</translation>
    </message>
    <message>
        <location filename="../LayerDelegate.qml" line="93" />
        <source>%1 · %2 个要素</source>
        <translation>%1 · %2 features</translation>
    </message>
    <message>
        <location filename="../LayerDelegate.qml" line="94" />
        <source> · 合成</source>
        <translation> · synthetic</translation>
    </message>
    <message>
        <location filename="../LayerDelegate.qml" line="109" />
        <source>不透明度 %1%</source>
        <translation>Opacity %1%</translation>
    </message>
</context>
<context>
    <name>LayerGroup</name>
    <message>
        <location filename="../layerlistmodel.cpp" line="16" />
        <source>底图与行政区</source>
        <translation>Base map and administrative</translation>
    </message>
    <message>
        <location filename="../layerlistmodel.cpp" line="16" />
        <source>三区三线</source>
        <translation>Three zones and three lines</translation>
    </message>
    <message>
        <location filename="../layerlistmodel.cpp" line="17" />
        <source>三线一单</source>
        <translation>Three lines, one list</translation>
    </message>
    <message>
        <location filename="../layerlistmodel.cpp" line="17" />
        <source>生态廊道</source>
        <translation>Ecological corridor</translation>
    </message>
    <message>
        <location filename="../layerlistmodel.cpp" line="18" />
        <source>项目</source>
        <translation>Projects</translation>
    </message>
</context>
<context>
    <name>LayerPanel</name>
    <message>
        <location filename="../LayerPanel.qml" line="25" />
        <source>图层</source>
        <translation>Layers</translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <location filename="../Main.qml" line="16" />
        <source>PlanLines — %1</source>
        <translation>PlanLines — %1</translation>
    </message>
</context>
<context>
    <name>MapToolBar</name>
    <message>
        <location filename="../MapToolBar.qml" line="41" />
        <source>识别</source>
        <translation>Identify</translation>
    </message>
    <message>
        <location filename="../MapToolBar.qml" line="46" />
        <source>测距</source>
        <translation>Distance</translation>
    </message>
    <message>
        <location filename="../MapToolBar.qml" line="51" />
        <source>测面</source>
        <translation>Area</translation>
    </message>
    <message>
        <location filename="../MapToolBar.qml" line="56" />
        <source>整比例尺</source>
        <translation>Round scales</translation>
    </message>
    <message>
        <location filename="../MapToolBar.qml" line="62" />
        <source>缩放停在 1:2 000、1:5 000、1:10 000、1:25 000、1:50 000、1:100 000</source>
        <translation>Zoom stops at 1:2 000, 1:5 000, 1:10 000, 1:25 000, 1:50 000, 1:100 000</translation>
    </message>
    <message>
        <location filename="../MapToolBar.qml" line="66" />
        <source>导入…</source>
        <translation>Import…</translation>
    </message>
    <message>
        <location filename="../MapToolBar.qml" line="72" />
        <source>设置</source>
        <translation>Settings</translation>
    </message>
</context>
<context>
    <name>MeasurePanel</name>
    <message>
        <location filename="../MeasurePanel.qml" line="27" />
        <source>撤销</source>
        <translation>Undo</translation>
    </message>
    <message>
        <location filename="../MeasurePanel.qml" line="33" />
        <source>清除</source>
        <translation>Clear</translation>
    </message>
</context>
<context>
    <name>NavigationButtons</name>
    <message>
        <location filename="../NavigationButtons.qml" line="26" />
        <source>放大（+）</source>
        <translation>Zoom in (+)</translation>
    </message>
    <message>
        <location filename="../NavigationButtons.qml" line="32" />
        <source>缩小（-）</source>
        <translation>Zoom out (-)</translation>
    </message>
    <message>
        <location filename="../NavigationButtons.qml" line="38" />
        <source>全县（Home）</source>
        <translation>Whole county (Home)</translation>
    </message>
</context>
<context>
    <name>Role</name>
    <message>
        <location filename="../importcontroller.cpp" line="21" />
        <source>乡镇行政区</source>
        <translation>Townships</translation>
    </message>
    <message>
        <location filename="../importcontroller.cpp" line="22" />
        <source>地类图斑</source>
        <translation>Land-use parcels</translation>
    </message>
    <message>
        <location filename="../importcontroller.cpp" line="23" />
        <source>永久基本农田</source>
        <translation>Permanent basic farmland</translation>
    </message>
    <message>
        <location filename="../importcontroller.cpp" line="24" />
        <source>生态保护红线</source>
        <translation>Ecological protection red line</translation>
    </message>
    <message>
        <location filename="../importcontroller.cpp" line="25" />
        <source>城镇开发边界</source>
        <translation>Urban development boundary</translation>
    </message>
    <message>
        <location filename="../importcontroller.cpp" line="26" />
        <source>环境管控单元</source>
        <translation>Environmental control units</translation>
    </message>
    <message>
        <location filename="../importcontroller.cpp" line="27" />
        <source>淤背区生态廊道</source>
        <translation>Silt-back ecological corridor</translation>
    </message>
    <message>
        <location filename="../importcontroller.cpp" line="28" />
        <source>项目选址</source>
        <translation>Project sites</translation>
    </message>
    <message>
        <location filename="../importcontroller.cpp" line="29" />
        <source>基础地理</source>
        <translation>Context</translation>
    </message>
</context>
<context>
    <name>SearchBox</name>
    <message>
        <location filename="../SearchBox.qml" line="16" />
        <source>搜索：项目、乡镇、图斑编号、K12+300、坐标</source>
        <translation>Search: site, township, parcel code, K12+300, coordinates</translation>
    </message>
</context>
<context>
    <name>StatusLine</name>
    <message>
        <location filename="../StatusLine.qml" line="27" />
        <source>坐标系 %1（%2）</source>
        <translation>CRS %1 (%2)</translation>
    </message>
    <message>
        <location filename="../StatusLine.qml" line="45" />
        <source>比例尺 %1</source>
        <translation>Scale %1</translation>
    </message>
</context>
<context>
    <name>SyntheticBanner</name>
    <message>
        <location filename="../SyntheticBanner.qml" line="17" />
        <source>合成示例数据（非真实规划数据）</source>
        <translation>Synthetic sample data (not real planning data)</translation>
    </message>
</context>
<context>
    <name>planlines::layers</name>
    <message>
        <location filename="../../layers/featuresearch.cpp" line="171" />
        <source>超出线的终点（%1）</source>
        <translation>beyond the end of the line (%1)</translation>
    </message>
    <message>
        <location filename="../../layers/featuresearch.cpp" line="176" />
        <source>没有带起点桩号（QDZH）的线图层，无法按桩号定位</source>
        <translation>no line layer with a start chainage (QDZH) to locate a chainage on</translation>
    </message>
    <message>
        <location filename="../../layers/featuresearch.cpp" line="213" />
        <source>%1 坐标：X %2  Y %3</source>
        <translation>%1 coordinates: X %2  Y %3</translation>
    </message>
    <message>
        <location filename="../../layers/featuresearch.cpp" line="231" />
        <source>未找到“%1”</source>
        <translation>Nothing found for “%1”</translation>
    </message>
</context>
<context>
    <name>planlines::qml::CursorReadout</name>
    <message>
        <location filename="../cursorreadout.cpp" line="37" />
        <source>X %1  Y %2</source>
        <translation>X %1  Y %2</translation>
    </message>
</context>
<context>
    <name>planlines::qml::IdentifyModel</name>
    <message>
        <location filename="../identifymodel.cpp" line="143" />
        <source>要素 %1</source>
        <translation>Feature %1</translation>
    </message>
</context>
<context>
    <name>planlines::qml::ImportController</name>
    <message>
        <location filename="../importcontroller.cpp" line="129" />
        <source>正在导入 %1</source>
        <translation>Importing %1</translation>
    </message>
    <message>
        <location filename="../importcontroller.cpp" line="166" />
        <source>%1：已读 %2 / %3 个要素</source>
        <translation>%1: %2 of %3 features read</translation>
    </message>
    <message>
        <location filename="../importcontroller.cpp" line="167" />
        <source>%1：已读 %2 个要素</source>
        <translation>%1: %2 features read</translation>
    </message>
    <message>
        <location filename="../importcontroller.cpp" line="188" />
        <source>无法打开项目：%1</source>
        <translation>Cannot open the project: %1</translation>
    </message>
    <message>
        <location filename="../importcontroller.cpp" line="190" />
        <source>
已取消：被取消的文件没有写入任何内容。</source>
        <translation>
Cancelled: nothing of the cancelled file was written.</translation>
    </message>
</context>
<context>
    <name>planlines::qml::MeasureTool</name>
    <message>
        <location filename="../measuretool.cpp" line="46" />
        <source>单击地图添加点</source>
        <translation>Click the map to add points</translation>
    </message>
    <message>
        <location filename="../measuretool.cpp" line="46" />
        <source>长度 %1</source>
        <translation>Length %1</translation>
    </message>
    <message>
        <location filename="../measuretool.cpp" line="48" />
        <source>单击地图添加至少三个点</source>
        <translation>Click the map to add at least three points</translation>
    </message>
    <message>
        <location filename="../measuretool.cpp" line="49" />
        <source>面积 %1（周长 %2）</source>
        <translation>Area %1 (perimeter %2)</translation>
    </message>
</context>
<context>
    <name>planlines::qml::SearchModel</name>
    <message>
        <location filename="../searchmodel.cpp" line="74" />
        <source>项目尚未打开</source>
        <translation>No project is open</translation>
    </message>
</context>
</TS>