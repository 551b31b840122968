<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>AttributeTable</name>
    <message>
        <location filename="../AttributeTable.qml" line="60"/>
        <source>导出失败：%1</source>
        <translation>Export failed: %1</translation>
    </message>
    <message>
        <location filename="../AttributeTable.qml" line="61"/>
        <source>已导出 %1 行到 %2</source>
        <translation>Exported %1 rows to %2</translation>
    </message>
    <message>
        <location filename="../AttributeTable.qml" line="117"/>
        <source>导出属性表</source>
        <translation>Export attribute table</translation>
    </message>
    <message>
        <location filename="../AttributeTable.qml" line="119"/>
        <source>Excel 工作簿 (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../AttributeTable.qml" line="119"/>
        <source>CSV 文件 (*.csv)</source>
        <translation>CSV file (*.csv)</translation>
    </message>
    <message>
        <location filename="../AttributeTable.qml" line="139"/>
        <source>属性表 — %1</source>
        <translation>Attributes — %1</translation>
    </message>
    <message>
        <location filename="../AttributeTable.qml" line="146"/>
        <source>筛选…</source>
        <translation>Filter…</translation>
    </message>
    <message>
        <location filename="../AttributeTable.qml" line="155"/>
        <source>所有文本字段</source>
        <translation>All text fields</translation>
    </message>
    <message>
        <location filename="../AttributeTable.qml" line="161"/>
        <source>仅当前范围</source>
        <translation>Map extent only</translation>
    </message>
    <message>
        <location filename="../AttributeTable.qml" line="176"/>
        <source>%1 / %2 行</source>
        <translation>%1 / %2 rows</translation>
    </message>
    <message>
        <location filename="../AttributeTable.qml" line="183"/>
        <source>导出…</source>
        <translation>Export…</translation>
    </message>
    <message>
        <location filename="../attributetablemodel.cpp" line="18"/>
        <source>面积（平方米）</source>
        <translation>Area (m²)</translation>
    </message>
    <message>
        <location filename="../attributetablemodel.cpp" line="19"/>
        <source>面积（亩）</source>
        <translation>Area (mu)</translation>
    </message>
</context>
<context>
    <name>ChangeMatrixView</name>
    <message>
        <location filename="../ChangeMatrixView.qml" line="34"/>
        <source>原＼现（亩）</source>
        <translation>From＼To (mu)</translation>
    </message>
</context>
<context>
    <name>ChangePanel</name>
    <message>
        <location filename="../ChangePanel.qml" line="58"/>
        <source>导出变更分析表</source>
        <translation>Export the change analysis tables</translation>
    </message>
    <message>
        <location filename="../ChangePanel.qml" line="61"/>
        <source>Excel 工作簿 (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../ChangePanel.qml" line="74"/>
        <source>打印变化图</source>
        <translation>Print change maps</translation>
    </message>
    <message>
        <location filename="../ChangePanel.qml" line="77"/>
        <source>PDF 文件 (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <location filename="../ChangePanel.qml" line="77"/>
        <source>PNG 图片 (*.png)</source>
        <translation>PNG images (*.png)</translation>
    </message>
    <message>
        <location filename="../ChangePanel.qml" line="77"/>
        <source>SVG 图形 (*.svg)</source>
        <translation>SVG drawings (*.svg)</translation>
    </message>
    <message>
        <location filename="../ChangePanel.qml" line="86"/>
        <source>变更分析</source>
        <translation>Land-use change</translation>
    </message>
    <message>
        <location filename="../ChangePanel.qml" line="94"/>
        <source>项目中只有一个地类图斑版本。导入新一年度的变更调查（角色：地类图斑）后，原数据保留为前一版本，即可比对。</source>
        <translation>The project holds one version of the land-use parcels only. Import a newer year&apos;s change survey (role: land-use parcels): the present data stays as the earlier version, and the two can be compared.</translation>
    </message>
    <message>
        <location filename="../ChangePanel.qml" line="99"/>
        <source>前期</source>
        <translation>Earlier</translation>
    </message>
    <message>
        <location filename="../ChangePanel.qml" line="108"/>
        <source>后期</source>
        <translation>Later</translation>
    </message>
    <message>
        <location filename="../ChangePanel.qml" line="122"/>
        <source>比对</source>
        <translation>Compare</translation>
    </message>
    <message>
        <location filename="../ChangePanel.qml" line="129"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../ChangePanel.qml" line="145"/>
        <source>失败</source>
        <translation>Failed</translation>
    </message>
    <message>
        <location filename="../ChangePanel.qml" line="176"/>
        <source>一级类</source>
        <translation>Level 1 classes</translation>
    </message>
    <message>
        <location filename="../ChangePanel.qml" line="181"/>
        <source>二级类</source>
        <translation>Level 2 classes</translation>
    </message>
    <message>
        <location filename="../ChangePanel.qml" line="191"/>
        <source>转移矩阵</source>
        <translation>Transfer matrix</translation>
    </message>
    <message>
        <location filename="../ChangePanel.qml" line="192"/>
        <source>耕地流出（%1）</source>
        <translation>Cultivated land lost (%1)</translation>
    </message>
    <message>
        <location filename="../ChangePanel.qml" line="193"/>
        <source>耕地流入（%1）</source>
        <translation>Cultivated land gained (%1)</translation>
    </message>
    <message>
        <location filename="../ChangePanel.qml" line="216"/>
        <source>原地类</source>
        <translation>Earlier class</translation>
    </message>
    <message>
        <location filename="../ChangePanel.qml" line="217"/>
        <source>现地类</source>
        <translation>Later class</translation>
    </message>
    <message>
        <location filename="../ChangePanel.qml" line="218"/>
        <source>面积（亩）</source>
        <translation>Area (mu)</translation>
    </message>
    <message>
        <location filename="../ChangePanel.qml" line="242"/>
        <source>导出 Excel…</source>
        <translation>Export to Excel…</translation>
    </message>
    <message>
        <location filename="../ChangePanel.qml" line="248"/>
        <source>已存为图层</source>
        <translation>Saved as a layer</translation>
    </message>
    <message>
        <location filename="../ChangePanel.qml" line="248"/>
        <source>存为图层</source>
        <translation>Save as a layer</translation>
    </message>
    <message>
        <location filename="../ChangePanel.qml" line="257"/>
        <source>打印变化图…</source>
        <translation>Print change maps…</translation>
    </message>
    <message>
        <location filename="../ChangePanel.qml" line="270"/>
        <source>按乡镇分幅</source>
        <translation>One sheet per township</translation>
    </message>
</context>
<context>
    <name>CheckPanel</name>
    <message>
        <location filename="../CheckPanel.qml" line="189"/>
        <source>选择选址文件</source>
        <translation>Choose a site file</translation>
    </message>
    <message>
        <location filename="../CheckPanel.qml" line="190"/>
        <source>选址文件 (*.shp *.zip *.gpkg *.geojson *.json *.kml *.kmz *.dxf *.tab *.mif *.gdb *.txt)</source>
        <translation>Site files (*.shp *.zip *.gpkg *.geojson *.json *.kml *.kmz *.dxf *.tab *.mif *.gdb *.txt)</translation>
    </message>
    <message>
        <location filename="../CheckPanel.qml" line="191"/>
        <location filename="../CheckPanel.qml" line="199"/>
        <source>所有文件 (*)</source>
        <translation>All files (*)</translation>
    </message>
    <message>
        <location filename="../CheckPanel.qml" line="198"/>
        <source>选择检查规则文件</source>
        <translation>Choose a check rule file</translation>
    </message>
    <message>
        <location filename="../CheckPanel.qml" line="199"/>
        <source>规则文件 (*.json)</source>
        <translation>Rule files (*.json)</translation>
    </message>
    <message>
        <location filename="../CheckPanel.qml" line="229"/>
        <source>选址检查</source>
        <translation>Site check</translation>
    </message>
    <message>
        <location filename="../CheckPanel.qml" line="238"/>
        <source>项目选址</source>
        <translation>Project site</translation>
    </message>
    <message>
        <location filename="../CheckPanel.qml" line="239"/>
        <source>地图绘制</source>
        <translation>Draw on map</translation>
    </message>
    <message>
        <location filename="../CheckPanel.qml" line="240"/>
        <source>文件</source>
        <translation>File</translation>
    </message>
    <message>
        <location filename="../CheckPanel.qml" line="253"/>
        <source>输入名称筛选选址</source>
        <translation>Type to filter sites by name</translation>
    </message>
    <message>
        <location filename="../CheckPanel.qml" line="296"/>
        <source>没有名称含“%1”的选址</source>
        <translation>No site name contains “%1”</translation>
    </message>
    <message>
        <location filename="../CheckPanel.qml" line="303"/>
        <source>也可以用「识别」工具在地图上点击选址。</source>
        <translation>You can also click a site on the map with the Identify tool.</translation>
    </message>
    <message>
        <location filename="../CheckPanel.qml" line="304"/>
        <source>项目中没有选址图层的要素。</source>
        <translation>The project has no features in a site layer.</translation>
    </message>
    <message>
        <location filename="../CheckPanel.qml" line="312"/>
        <source>在地图上绘制</source>
        <translation>Draw on the map</translation>
    </message>
    <message>
        <location filename="../CheckPanel.qml" line="320"/>
        <source>撤销顶点</source>
        <translation>Undo vertex</translation>
    </message>
    <message>
        <location filename="../CheckPanel.qml" line="330"/>
        <source>点「在地图上绘制」，再在地图上逐点点击范围的顶点。</source>
        <translation>Press “Draw on the map”, then click the vertices of the area one by one.</translation>
    </message>
    <message>
        <location filename="../CheckPanel.qml" line="332"/>
        <source>已有 %1 个顶点；至少需要 3 个。</source>
        <translation>%1 vertices so far; at least 3 are needed.</translation>
    </message>
    <message>
        <location filename="../CheckPanel.qml" line="336"/>
        <source>名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../CheckPanel.qml" line="340"/>
        <source>绘制范围</source>
        <translation>Drawn area</translation>
    </message>
    <message>
        <location filename="../CheckPanel.qml" line="352"/>
        <source>文件路径</source>
        <translation>File path</translation>
    </message>
    <message>
        <location filename="../CheckPanel.qml" line="356"/>
        <source>浏览…</source>
        <translation>Browse…</translation>
    </message>
    <message>
        <location filename="../CheckPanel.qml" line="364"/>
        <source>Shapefile、GeoPackage、GeoJSON、KML、DXF、界址点坐标文件等；每个面要素作为一个选址。</source>
        <translation>Shapefile, GeoPackage, GeoJSON, KML, DXF, boundary coordinate files (界址点坐标文件) …; each polygon feature is one site.</translation>
    </message>
    <message>
        <location filename="../CheckPanel.qml" line="372"/>
        <source>行业代码</source>
        <translation>Industry code</translation>
    </message>
    <message>
        <location filename="../CheckPanel.qml" line="377"/>
        <source>GB/T 4754，如 C26、D4416</source>
        <translation>GB/T 4754, e.g. C26, D4416</translation>
    </message>
    <message>
        <location filename="../CheckPanel.qml" line="379"/>
        <source>规划用途</source>
        <translation>Planned use</translation>
    </message>
    <message>
        <location filename="../CheckPanel.qml" line="403"/>
        <source>检查规则</source>
        <translation>Check rules</translation>
    </message>
    <message>
        <location filename="../CheckPanel.qml" line="410"/>
        <source>内置示例规则</source>
        <translation>Built-in sample rules</translation>
    </message>
    <message>
        <location filename="../CheckPanel.qml" line="417"/>
        <source>更换…</source>
        <translation>Change…</translation>
    </message>
    <message>
        <location filename="../CheckPanel.qml" line="423"/>
        <source>用内置</source>
        <translation>Use built-in</translation>
    </message>
    <message>
        <location filename="../CheckPanel.qml" line="434"/>
        <source>检查</source>
        <translation>Check</translation>
    </message>
    <message>
        <location filename="../CheckPanel.qml" line="441"/>
        <source>检查记录…</source>
        <translation>Check records…</translation>
    </message>
    <message>
        <location filename="../CheckPanel.qml" line="446"/>
        <source>生成报告…</source>
        <translation>Report…</translation>
    </message>
    <message>
        <location filename="../CheckPanel.qml" line="463"/>
        <source>%1/%2 个选址</source>
        <translation>%1/%2 sites</translation>
    </message>
    <message>
        <location filename="../CheckPanel.qml" line="467"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>CheckRecordsDialog</name>
    <message>
        <location filename="../CheckRecordsDialog.qml" line="13"/>
        <source>检查记录</source>
        <translation>Check records</translation>
    </message>
    <message>
        <location filename="../CheckRecordsDialog.qml" line="30"/>
        <source>共 %1 条记录；点击一条打开，并以当前图层重新检查。</source>
        <translation>%1 records; click one to open it and check it again on the current layers.</translation>
    </message>
    <message>
        <location filename="../CheckRecordsDialog.qml" line="31"/>
        <source>项目中还没有检查记录。</source>
        <translation>The project has no check records yet.</translation>
    </message>
</context>
<context>
    <name>CheckReportDialog</name>
    <message>
        <location filename="../CheckReportDialog.qml" line="17"/>
        <source>生成审查报告</source>
        <translation>Write the review report</translation>
    </message>
    <message>
        <location filename="../CheckReportDialog.qml" line="36"/>
        <source>报告文件</source>
        <translation>Report file</translation>
    </message>
    <message>
        <location filename="../CheckReportDialog.qml" line="38"/>
        <source>PDF 文件 (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <location filename="../CheckReportDialog.qml" line="38"/>
        <source>OpenDocument 文本 (*.odt)</source>
        <translation>OpenDocument text (*.odt)</translation>
    </message>
    <message>
        <location filename="../CheckReportDialog.qml" line="39"/>
        <source>网页 (*.html)</source>
        <translation>Web pages (*.html)</translation>
    </message>
    <message>
        <location filename="../CheckReportDialog.qml" line="39"/>
        <source>Excel 表格 (*.xlsx)</source>
        <translation>Excel workbooks (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../CheckReportDialog.qml" line="46"/>
        <source>报告模板</source>
        <translation>Report template</translation>
    </message>
    <message>
        <location filename="../CheckReportDialog.qml" line="48"/>
        <source>报告模板 (*.json)</source>
        <translation>Report templates (*.json)</translation>
    </message>
    <message>
        <location filename="../CheckReportDialog.qml" line="59"/>
        <source>报告含项目概况与结论、签字栏、位置图、三线协调、用地现状、三线一单和规则条文。PDF 用于打印，ODT 可在 WPS 和 Word 中编辑，XLSX 为各表格。</source>
        <translation>The report holds the project and its verdict, the signature lines, the maps, the three control lines, the current land use, the environmental access list and the rule texts. PDF is for printing, ODT can be edited in WPS and Word, XLSX holds the tables.</translation>
    </message>
    <message>
        <location filename="../CheckReportDialog.qml" line="61"/>
        <source>格式</source>
        <translation>Format</translation>
    </message>
    <message>
        <location filename="../CheckReportDialog.qml" line="67"/>
        <source>PDF（打印）</source>
        <translation>PDF (print)</translation>
    </message>
    <message>
        <location filename="../CheckReportDialog.qml" line="67"/>
        <source>ODT（可编辑文档）</source>
        <translation>ODT (editable document)</translation>
    </message>
    <message>
        <location filename="../CheckReportDialog.qml" line="67"/>
        <source>HTML（网页）</source>
        <translation>HTML (web page)</translation>
    </message>
    <message>
        <location filename="../CheckReportDialog.qml" line="68"/>
        <source>XLSX（表格）</source>
        <translation>XLSX (tables)</translation>
    </message>
    <message>
        <location filename="../CheckReportDialog.qml" line="71"/>
        <source>文件</source>
        <translation>File</translation>
    </message>
    <message>
        <location filename="../CheckReportDialog.qml" line="80"/>
        <location filename="../CheckReportDialog.qml" line="93"/>
        <source>浏览…</source>
        <translation>Browse…</translation>
    </message>
    <message>
        <location filename="../CheckReportDialog.qml" line="83"/>
        <source>模板</source>
        <translation>Template</translation>
    </message>
    <message>
        <location filename="../CheckReportDialog.qml" line="89"/>
        <source>内置模板（留空）</source>
        <translation>Built-in template (leave empty)</translation>
    </message>
</context>
<context>
    <name>CheckResultView</name>
    <message>
        <location filename="../CheckResultView.qml" line="75"/>
        <source>%1（%2）</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location filename="../CheckResultView.qml" line="114"/>
        <source>面积：%1</source>
        <translation>Area: %1</translation>
    </message>
    <message>
        <location filename="../CheckResultView.qml" line="119"/>
        <source>缩放至选址</source>
        <translation>Zoom to site</translation>
    </message>
    <message>
        <location filename="../CheckResultView.qml" line="143"/>
        <source>地图上高亮：%1</source>
        <translation>Highlighted on the map: %1</translation>
    </message>
    <message>
        <location filename="../CheckResultView.qml" line="155"/>
        <source>规则（点击在地图上显示相关要素）</source>
        <translation>Rules (click to show their features on the map)</translation>
    </message>
    <message>
        <location filename="../CheckResultView.qml" line="198"/>
        <source>实测：%1</source>
        <translation>Measured: %1</translation>
    </message>
    <message>
        <location filename="../CheckResultView.qml" line="226"/>
        <source>隐藏不适用的规则</source>
        <translation>Hide the rules that do not apply</translation>
    </message>
    <message>
        <location filename="../CheckResultView.qml" line="226"/>
        <source>显示不适用的规则（%1 条）</source>
        <translation>Show the rules that do not apply (%1)</translation>
    </message>
    <message>
        <location filename="../CheckResultView.qml" line="230"/>
        <source>占用情况</source>
        <translation>Overlaps</translation>
    </message>
    <message>
        <location filename="../CheckResultView.qml" line="233"/>
        <source>类别</source>
        <translation>Class</translation>
    </message>
    <message>
        <location filename="../CheckResultView.qml" line="235"/>
        <location filename="../CheckResultView.qml" line="281"/>
        <source>亩</source>
        <translation>mu</translation>
    </message>
    <message>
        <location filename="../CheckResultView.qml" line="236"/>
        <location filename="../CheckResultView.qml" line="282"/>
        <source>公顷</source>
        <translation>ha</translation>
    </message>
    <message>
        <location filename="../CheckResultView.qml" line="237"/>
        <location filename="../CheckResultView.qml" line="283"/>
        <source>占比</source>
        <translation>Share</translation>
    </message>
    <message>
        <location filename="../CheckResultView.qml" line="276"/>
        <source>地类（DLBM / DLMC）</source>
        <translation>Land use (DLBM / DLMC)</translation>
    </message>
    <message>
        <location filename="../CheckResultView.qml" line="279"/>
        <source>地类</source>
        <translation>Land use</translation>
    </message>
    <message>
        <location filename="../CheckResultView.qml" line="306"/>
        <source>选址内没有地类图斑</source>
        <translation>No land-use parcels in the site</translation>
    </message>
    <message>
        <location filename="../CheckResultView.qml" line="311"/>
        <source>环境管控单元</source>
        <translation>Environmental control units</translation>
    </message>
    <message>
        <location filename="../CheckResultView.qml" line="323"/>
        <source>%1 %2（%3，占 %4）</source>
        <translation>%1 %2 (%3, %4 of the site)</translation>
    </message>
</context>
<context>
    <name>CheckRows</name>
    <message>
        <location filename="../checkrows.cpp" line="48"/>
        <source> 等 %1 个</source>
        <translation> and others, %1 in all</translation>
    </message>
    <message>
        <location filename="../checkrows.cpp" line="77"/>
        <source>不符合</source>
        <translation>Fail</translation>
    </message>
    <message>
        <location filename="../checkrows.cpp" line="79"/>
        <source>需关注</source>
        <translation>Attention</translation>
    </message>
    <message>
        <location filename="../checkrows.cpp" line="81"/>
        <source>符合</source>
        <translation>Pass</translation>
    </message>
    <message>
        <location filename="../checkrows.cpp" line="82"/>
        <source>无法检查</source>
        <translation>Not checked</translation>
    </message>
    <message>
        <location filename="../checkrows.cpp" line="99"/>
        <source>%1 m² · %2 亩 · %3 公顷</source>
        <translation>%1 m² · %2 mu · %3 ha</translation>
    </message>
    <message>
        <location filename="../checkrows.cpp" line="127"/>
        <source>项目中没有此图层</source>
        <translation>The project has no such layer</translation>
    </message>
    <message>
        <location filename="../checkrows.cpp" line="193"/>
        <source>不适用</source>
        <translation>N/A</translation>
    </message>
</context>
<context>
    <name>CheckWorker</name>
    <message>
        <location filename="../checkworker.cpp" line="59"/>
        <source>%1（%2）</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location filename="../checkworker.cpp" line="62"/>
        <source>%1，内置</source>
        <translation>%1, built-in</translation>
    </message>
    <message>
        <location filename="../checkworker.cpp" line="63"/>
        <source>%1，%2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <location filename="../checkworker.cpp" line="127"/>
        <source>选址图层 %1 中没有要素 %2</source>
        <translation>The site layer %1 has no feature %2</translation>
    </message>
    <message>
        <location filename="../checkworker.cpp" line="165"/>
        <source>未检查：%1</source>
        <translation>Not checked: %1</translation>
    </message>
    <message>
        <location filename="../checkworker.cpp" line="182"/>
        <source>无法检查“%1”：%2</source>
        <translation>Cannot check “%1”: %2</translation>
    </message>
    <message>
        <location filename="../checkworker.cpp" line="215"/>
        <source>已检查并记录（记录 %1）</source>
        <translation>Checked and recorded (record %1)</translation>
    </message>
    <message>
        <location filename="../checkworker.cpp" line="216"/>
        <source>已取消：%1 个选址已检查并记录，%2 个未检查</source>
        <translation>Cancelled: %1 sites checked and recorded, %2 not checked</translation>
    </message>
    <message>
        <location filename="../checkworker.cpp" line="219"/>
        <source>已检查 %1 个选址并记录</source>
        <translation>Checked and recorded %1 sites</translation>
    </message>
    <message>
        <location filename="../checkworker.cpp" line="226"/>
        <source>项目中没有检查记录 %1</source>
        <translation>The project has no check record %1</translation>
    </message>
    <message>
        <location filename="../checkworker.cpp" line="245"/>
        <source>记录为旧版格式，其中各项相同；未含 %1</source>
        <translation>the record is of an older format: every item it holds is the same; it lacks %1</translation>
    </message>
    <message>
        <location filename="../checkworker.cpp" line="248"/>
        <source>记录之后图层版本已变</source>
        <translation>the layer versions changed since the record</translation>
    </message>
    <message>
        <location filename="../checkworker.cpp" line="250"/>
        <source>记录之后规则文件已变</source>
        <translation>the rule file changed since the record</translation>
    </message>
    <message>
        <location filename="../checkworker.cpp" line="251"/>
        <source>结果不同：%1</source>
        <translation>the result differs at %1</translation>
    </message>
    <message>
        <location filename="../checkworker.cpp" line="258"/>
        <source>重新检查：结果与记录一致（%1）</source>
        <translation>Checked again: the result matches the record (%1)</translation>
    </message>
    <message>
        <location filename="../checkworker.cpp" line="257"/>
        <source>重新检查：结果与记录一致</source>
        <translation>Checked again: the result matches the record</translation>
    </message>
    <message>
        <location filename="../checkworker.cpp" line="256"/>
        <source>重新检查：结果与记录不同（%1）</source>
        <translation>Checked again: the result differs from the record (%1)</translation>
    </message>
    <message>
        <location filename="../checkcontroller.cpp" line="302"/>
        <location filename="../checkworker.cpp" line="261"/>
        <source>已打开记录 %1</source>
        <translation>Opened record %1</translation>
    </message>
    <message>
        <location filename="../checkworker.cpp" line="308"/>
        <source>报告已写入 %1</source>
        <translation>Report written to %1</translation>
    </message>
    <message>
        <location filename="../checkworker.cpp" line="139"/>
        <source>找不到选址“%1”：%2</source>
        <translation>No site “%1”: %2</translation>
    </message>
</context>
<context>
    <name>ConnectDialog</name>
    <message>
        <location filename="../ConnectDialog.qml" line="19"/>
        <source>连接服务器数据库</source>
        <translation>Connect to a server database</translation>
    </message>
    <message>
        <location filename="../ConnectDialog.qml" line="38"/>
        <source>连接</source>
        <translation>Connect</translation>
    </message>
    <message>
        <location filename="../ConnectDialog.qml" line="44"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../ConnectDialog.qml" line="55"/>
        <source>数据库</source>
        <translation>Database</translation>
    </message>
    <message>
        <location filename="../ConnectDialog.qml" line="63"/>
        <source>密码</source>
        <translation>Password</translation>
    </message>
    <message>
        <location filename="../ConnectDialog.qml" line="69"/>
        <source>由 ~/.pgpass 或服务文件提供时留空</source>
        <translation>Leave empty when ~/.pgpass or the service file provides it</translation>
    </message>
    <message>
        <location filename="../ConnectDialog.qml" line="78"/>
        <source>填写 postgresql://用户@主机/数据库、service=服务名（pg_service.conf）或 host=… dbname=…。密码只在本次运行中使用，不会保存。</source>
        <translation>Enter postgresql://user@host/database, service=name (pg_service.conf) or host=… dbname=…. The password is used for this run only and is never saved.</translation>
    </message>
</context>
<context>
    <name>CorridorCharts</name>
    <message>
        <location filename="../CorridorCharts.qml" line="38"/>
        <location filename="../CorridorCharts.qml" line="42"/>
        <source>无法写入 %1</source>
        <translation>Cannot write %1</translation>
    </message>
    <message>
        <location filename="../CorridorCharts.qml" line="108"/>
        <source>累计完工长度（公里）</source>
        <translation>Completed length, cumulative (km)</translation>
    </message>
    <message>
        <location filename="../CorridorCharts.qml" line="128"/>
        <source>计划</source>
        <translation>Planned</translation>
    </message>
    <message>
        <location filename="../CorridorCharts.qml" line="137"/>
        <source>实际</source>
        <translation>Actual</translation>
    </message>
    <message>
        <location filename="../CorridorCharts.qml" line="151"/>
        <source>各乡镇状态（公里）</source>
        <translation>Status by township (km)</translation>
    </message>
</context>
<context>
    <name>CorridorPanel</name>
    <message>
        <location filename="../CorridorPanel.qml" line="133"/>
        <source>生态廊道建设进度</source>
        <translation>Ecological corridor progress</translation>
    </message>
    <message>
        <location filename="../CorridorPanel.qml" line="142"/>
        <source>项目中没有生态廊道图层</source>
        <translation>The project has no ecological corridor layer</translation>
    </message>
    <message>
        <location filename="../CorridorPanel.qml" line="147"/>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../CorridorPanel.qml" line="171"/>
        <source>桩号定位</source>
        <translation>Go to chainage</translation>
    </message>
    <message>
        <location filename="../CorridorPanel.qml" line="182"/>
        <source>定位</source>
        <translation>Go</translation>
    </message>
    <message>
        <location filename="../CorridorPanel.qml" line="46"/>
        <source>%1：%2 E，%3 N（%4）</source>
        <translation>%1: %2 E, %3 N (%4)</translation>
    </message>
    <message>
        <location filename="../CorridorPanel.qml" line="68"/>
        <source>图表尚未显示</source>
        <translation>The charts are not shown yet</translation>
    </message>
    <message>
        <location filename="../CorridorPanel.qml" line="73"/>
        <source>_乡镇</source>
        <translation>_townships</translation>
    </message>
    <message>
        <location filename="../CorridorPanel.qml" line="76"/>
        <source>已导出：%1、%2</source>
        <translation>Exported: %1, %2</translation>
    </message>
    <message>
        <location filename="../CorridorPanel.qml" line="191"/>
        <source>点击地图取桩号</source>
        <translation>Click the map for its chainage</translation>
    </message>
    <message>
        <location filename="../CorridorPanel.qml" line="201"/>
        <source>%1，距大堤 %2 米（%3）</source>
        <translation>%1, %2 m from the levee (%3)</translation>
    </message>
    <message>
        <location filename="../CorridorPanel.qml" line="237"/>
        <source>导出文件（.png 或 .svg）</source>
        <translation>Export to file (.png or .svg)</translation>
    </message>
    <message>
        <location filename="../CorridorPanel.qml" line="238"/>
        <source>进度</source>
        <translation>progress</translation>
    </message>
    <message>
        <location filename="../CorridorPanel.qml" line="242"/>
        <source>导出图表</source>
        <translation>Export charts</translation>
    </message>
    <message>
        <location filename="../CorridorPanel.qml" line="64"/>
        <source>已导出</source>
        <translation>Exported</translation>
    </message>
    <message>
        <location filename="../CorridorPanel.qml" line="255"/>
        <source>分段（%1）</source>
        <translation>Segments (%1)</translation>
    </message>
</context>
<context>
    <name>CorridorProgressForm</name>
    <message>
        <location filename="../CorridorProgressForm.qml" line="51"/>
        <source>记录进度</source>
        <translation>Record progress</translation>
    </message>
    <message>
        <location filename="../CorridorProgressForm.qml" line="52"/>
        <source>分段</source>
        <translation>Segment</translation>
    </message>
    <message>
        <location filename="../CorridorProgressForm.qml" line="59"/>
        <source>更正</source>
        <translation>Correct</translation>
    </message>
    <message>
        <location filename="../CorridorProgressForm.qml" line="65"/>
        <source>（新记录）</source>
        <translation>(new entry)</translation>
    </message>
    <message>
        <location filename="../CorridorProgressForm.qml" line="71"/>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../CorridorProgressForm.qml" line="78"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../CorridorProgressForm.qml" line="84"/>
        <source>（请选择）</source>
        <translation>(choose)</translation>
    </message>
    <message>
        <location filename="../CorridorProgressForm.qml" line="87"/>
        <source>完成比例 %</source>
        <translation>Percent complete</translation>
    </message>
    <message>
        <location filename="../CorridorProgressForm.qml" line="92"/>
        <source>默认</source>
        <translation>Default</translation>
    </message>
    <message>
        <location filename="../CorridorProgressForm.qml" line="96"/>
        <source>栽植面积 m²</source>
        <translation>Planted area m²</translation>
    </message>
    <message>
        <location filename="../CorridorProgressForm.qml" line="103"/>
        <source>备注</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../CorridorProgressForm.qml" line="109"/>
        <source>照片</source>
        <translation>Photos</translation>
    </message>
    <message>
        <location filename="../CorridorProgressForm.qml" line="116"/>
        <source>无</source>
        <translation>none</translation>
    </message>
    <message>
        <location filename="../CorridorProgressForm.qml" line="118"/>
        <source>%1 张</source>
        <translation>%1 photos</translation>
    </message>
    <message>
        <location filename="../CorridorProgressForm.qml" line="122"/>
        <source>添加…</source>
        <translation>Add…</translation>
    </message>
    <message>
        <location filename="../CorridorProgressForm.qml" line="126"/>
        <source>清除</source>
        <translation>Clear</translation>
    </message>
    <message>
        <location filename="../CorridorProgressForm.qml" line="133"/>
        <source>记录</source>
        <translation>Record</translation>
    </message>
    <message>
        <location filename="../CorridorProgressForm.qml" line="133"/>
        <source>记录更正</source>
        <translation>Record correction</translation>
    </message>
    <message>
        <location filename="../CorridorProgressForm.qml" line="143"/>
        <source>已记录</source>
        <translation>Recorded</translation>
    </message>
    <message>
        <location filename="../CorridorProgressForm.qml" line="143"/>
        <source>已记录更正（取代 %1 的记录）</source>
        <translation>Correction recorded (replaces the entry of %1)</translation>
    </message>
    <message>
        <location filename="../CorridorProgressForm.qml" line="162"/>
        <source>添加照片</source>
        <translation>Add photos</translation>
    </message>
    <message>
        <location filename="../CorridorProgressForm.qml" line="164"/>
        <source>照片 (*.jpg *.jpeg *.png *.heic)</source>
        <translation>Photos (*.jpg *.jpeg *.png *.heic)</translation>
    </message>
    <message>
        <location filename="../CorridorProgressForm.qml" line="164"/>
        <source>所有文件 (*)</source>
        <translation>All files (*)</translation>
    </message>
</context>
<context>
    <name>CorridorTotals</name>
    <message>
        <location filename="../CorridorTotals.qml" line="38"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../CorridorTotals.qml" line="39"/>
        <source>长度（米）</source>
        <translation>Length (m)</translation>
    </message>
    <message>
        <location filename="../CorridorTotals.qml" line="40"/>
        <source>面积（亩）</source>
        <translation>Area (mu)</translation>
    </message>
    <message>
        <location filename="../CorridorTotals.qml" line="41"/>
        <source>公顷</source>
        <translation>ha</translation>
    </message>
    <message>
        <location filename="../CorridorTotals.qml" line="50"/>
        <source>%1（%2 段）</source>
        <translation>%1 (%2 segments)</translation>
    </message>
</context>
<context>
    <name>ErrorPane</name>
    <message>
        <location filename="../ErrorPane.qml" line="21"/>
        <source>无法打开项目</source>
        <translation>Cannot open the project</translation>
    </message>
    <message>
        <location filename="../ErrorPane.qml" line="34"/>
        <source>请用 --db 指定一个 PlanLines 项目文件，或运行 “planlines sample” 生成示例县。</source>
        <translation>Give a PlanLines project file with --db, or run “planlines sample” to make the sample county.</translation>
    </message>
</context>
<context>
    <name>HelpDialog</name>
    <message>
        <location filename="../HelpDialog.qml" line="9"/>
        <source>帮助</source>
        <translation>Help</translation>
    </message>
    <message>
        <location filename="../HelpDialog.qml" line="25"/>
        <source>快捷键</source>
        <translation>Shortcuts</translation>
    </message>
    <message>
        <location filename="../HelpDialog.qml" line="35"/>
        <source>打开项目</source>
        <translation>Open a project</translation>
    </message>
    <message>
        <location filename="../HelpDialog.qml" line="36"/>
        <source>打印地图</source>
        <translation>Print the map</translation>
    </message>
    <message>
        <location filename="../HelpDialog.qml" line="37"/>
        <source>搜索框</source>
        <translation>Search box</translation>
    </message>
    <message>
        <location filename="../HelpDialog.qml" line="38"/>
        <source>本帮助</source>
        <translation>This help</translation>
    </message>
    <message>
        <location filename="../HelpDialog.qml" line="39"/>
        <source>方向键</source>
        <translation>Arrow keys</translation>
    </message>
    <message>
        <location filename="../HelpDialog.qml" line="39"/>
        <source>平移地图（视图的 1/8）</source>
        <translation>Pan the map (1/8 of the view)</translation>
    </message>
    <message>
        <location filename="../HelpDialog.qml" line="40"/>
        <source>放大 / 缩小</source>
        <translation>Zoom in / out</translation>
    </message>
    <message>
        <location filename="../HelpDialog.qml" line="41"/>
        <source>显示全县</source>
        <translation>Show the whole county</translation>
    </message>
    <message>
        <location filename="../HelpDialog.qml" line="42"/>
        <source>清除高亮、识别和测量</source>
        <translation>Clear highlights, identify and measuring</translation>
    </message>
    <message>
        <location filename="../HelpDialog.qml" line="61"/>
        <source>使用</source>
        <translation>Using the window</translation>
    </message>
    <message>
        <location filename="../HelpDialog.qml" line="68"/>
        <source>拖动平移，滚轮缩放（开启「整比例尺」时停在 1:2 000 … 1:100 000）；单击地图识别要素，双击放大。状态栏的比例尺可以直接输入（如 1:5000 回车）。搜索框接受项目名称、乡镇、图斑编号（BSM/TBBH）、桩号（K12+300）和坐标。「选址检查」对照三区三线和三线一单检查选址；「生态廊道」记录廊道进度；「打印」按模板输出 PDF、PNG 或 SVG。拖到窗口上的项目文件会被打开，其他文件会被导入当前项目。</source>
        <translation>Drag to pan, the wheel zooms (with “Round scales” on it stops at 1:2 000 … 1:100 000); click the map to identify, double-click to zoom in. The scale in the status bar can be typed (1:5000, Enter). The search box takes project names, townships, parcel codes (BSM/TBBH), chainages (K12+300) and coordinates. “Site check” checks a site against the control lines and the environmental zoning; “Corridor” records the corridor’s progress; “Print” writes PDF, PNG or SVG sheets from the templates. A project file dropped on the window is opened; other files are imported into the open project.</translation>
    </message>
</context>
<context>
    <name>IdentifyPanel</name>
    <message>
        <location filename="../IdentifyPanel.qml" line="33"/>
        <source>要素识别</source>
        <translation>Identify</translation>
    </message>
    <message>
        <location filename="../IdentifyPanel.qml" line="38"/>
        <source>缩放至要素</source>
        <translation>Zoom to feature</translation>
    </message>
    <message>
        <location filename="../IdentifyPanel.qml" line="50"/>
        <source>此处有 %1 个要素，请选择：</source>
        <translation>%1 features here; choose one:</translation>
    </message>
    <message>
        <location filename="../IdentifyPanel.qml" line="84"/>
        <source>面积：%1</source>
        <translation>Area: %1</translation>
    </message>
    <message>
        <location filename="../IdentifyPanel.qml" line="85"/>
        <source>长度：%1</source>
        <translation>Length: %1</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <location filename="../ImportDialog.qml" line="15"/>
        <source>导入数据</source>
        <translation>Import data</translation>
    </message>
    <message>
        <location filename="../ImportDialog.qml" line="37"/>
        <source>选择要导入的文件</source>
        <translation>Choose the files to import</translation>
    </message>
    <message>
        <location filename="../ImportDialog.qml" line="39"/>
        <source>空间数据 (*.shp *.zip *.gdb *.gpkg *.geojson *.json *.kml *.kmz *.dxf *.tab *.mif *.csv *.sqlite *.txt)</source>
        <translation>Spatial data (*.shp *.zip *.gdb *.gpkg *.geojson *.json *.kml *.kmz *.dxf *.tab *.mif *.csv *.sqlite *.txt)</translation>
    </message>
    <message>
        <location filename="../ImportDialog.qml" line="40"/>
        <source>所有文件 (*)</source>
        <translation>All files (*)</translation>
    </message>
    <message>
        <location filename="../ImportDialog.qml" line="52"/>
        <source>选择文件…</source>
        <translation>Choose files…</translation>
    </message>
    <message>
        <location filename="../ImportDialog.qml" line="65"/>
        <source>也可以把文件直接拖到地图上。</source>
        <translation>You can also drop files onto the map.</translation>
    </message>
    <message>
        <location filename="../ImportDialog.qml" line="84"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../ImportDialog.qml" line="106"/>
        <source>无法识别图层“%1”的类型，请选择：</source>
        <translation>The role of layer “%1” was not recognised; choose it:</translation>
    </message>
    <message>
        <location filename="../ImportDialog.qml" line="110"/>
        <source>类型</source>
        <translation>Role</translation>
    </message>
    <message>
        <location filename="../ImportDialog.qml" line="119"/>
        <source>请选择类型…</source>
        <translation>Choose a role…</translation>
    </message>
    <message>
        <location filename="../ImportDialog.qml" line="121"/>
        <source>图层名称</source>
        <translation>Layer name</translation>
    </message>
    <message>
        <location filename="../ImportDialog.qml" line="132"/>
        <source>导入</source>
        <translation>Import</translation>
    </message>
    <message>
        <location filename="../ImportDialog.qml" line="167"/>
        <source>图层</source>
        <translation>Layer</translation>
    </message>
    <message>
        <location filename="../ImportDialog.qml" line="167"/>
        <source>类型及依据</source>
        <translation>Role and why</translation>
    </message>
    <message>
        <location filename="../ImportDialog.qml" line="167"/>
        <source>编码</source>
        <translation>Encoding</translation>
    </message>
    <message>
        <location filename="../ImportDialog.qml" line="167"/>
        <source>坐标系及转换</source>
        <translation>CRS and transformation</translation>
    </message>
    <message>
        <location filename="../ImportDialog.qml" line="168"/>
        <source>读取/写入/修复/拒绝</source>
        <translation>Read/written/repaired/rejected</translation>
    </message>
    <message>
        <location filename="../ImportDialog.qml" line="230"/>
        <source>显示完整记录（每个要素的修复与拒绝原因）</source>
        <translation>Show the full log (why each feature was repaired or rejected)</translation>
    </message>
    <message>
        <location filename="../ImportDialog.qml" line="147"/>
        <source>导入完成</source>
        <translation>Import complete</translation>
    </message>
    <message>
        <location filename="../ImportDialog.qml" line="148"/>
        <source>导入已取消</source>
        <translation>Import cancelled</translation>
    </message>
    <message>
        <location filename="../ImportDialog.qml" line="148"/>
        <source>导入未全部成功</source>
        <translation>Import did not fully succeed</translation>
    </message>
</context>
<context>
    <name>LayerDelegate</name>
    <message>
        <location filename="../LayerDelegate.qml" line="89"/>
        <source>上移</source>
        <translation>Move up</translation>
    </message>
    <message>
        <location filename="../LayerDelegate.qml" line="96"/>
        <source>下移</source>
        <translation>Move down</translation>
    </message>
    <message>
        <location filename="../LayerDelegate.qml" line="102"/>
        <source>属性表</source>
        <translation>Attribute table</translation>
    </message>
    <message>
        <location filename="../LayerDelegate.qml" line="108"/>
        <source>缩放至图层</source>
        <translation>Zoom to layer</translation>
    </message>
    <message>
        <location filename="../LayerDelegate.qml" line="118"/>
        <source> · 合成</source>
        <translation> · synthetic</translation>
    </message>
    <message numerus="yes">
        <location filename="../LayerDelegate.qml" line="129"/>
        <source>%n 个要素</source>
        <translation>
            <numerusform>%n feature</numerusform>
            <numerusform>%n features</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../LayerDelegate.qml" line="145"/>
        <source>不透明度 %1%</source>
        <translation>Opacity %1%</translation>
    </message>
</context>
<context>
    <name>LayerGroup</name>
    <message>
        <location filename="../layerlistmodel.cpp" line="20"/>
        <source>底图与行政区</source>
        <translation>Base map and administrative</translation>
    </message>
    <message>
        <location filename="../layerlistmodel.cpp" line="20"/>
        <source>三区三线</source>
        <translation>Three zones and three lines</translation>
    </message>
    <message>
        <location filename="../layerlistmodel.cpp" line="21"/>
        <source>三线一单</source>
        <translation>Three lines, one list</translation>
    </message>
    <message>
        <location filename="../layerlistmodel.cpp" line="21"/>
        <source>生态廊道</source>
        <translation>Ecological corridor</translation>
    </message>
    <message>
        <location filename="../layerlistmodel.cpp" line="22"/>
        <source>项目</source>
        <translation>Projects</translation>
    </message>
</context>
<context>
    <name>LayerPanel</name>
    <message>
        <location filename="../LayerPanel.qml" line="26"/>
        <source>图层</source>
        <translation>Layers</translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <location filename="../Main.qml" line="35"/>
        <source>PlanLines — %1（%2）</source>
        <translation>PlanLines — %1 (%2)</translation>
    </message>
    <message>
        <location filename="../Main.qml" line="292"/>
        <source>打开项目</source>
        <translation>Open project</translation>
    </message>
    <message>
        <location filename="../Main.qml" line="293"/>
        <source>PlanLines 项目 (*.sqlite)</source>
        <translation>PlanLines projects (*.sqlite)</translation>
    </message>
    <message>
        <location filename="../Main.qml" line="293"/>
        <source>所有文件 (*)</source>
        <translation>All files (*)</translation>
    </message>
    <message>
        <location filename="../Main.qml" line="321"/>
        <source>无法打开项目</source>
        <translation>Cannot open the project</translation>
    </message>
    <message>
        <location filename="../Main.qml" line="332"/>
        <source>%1 不是可以打开的 PlanLines 项目。</source>
        <translation>%1 is not a PlanLines project that can be opened.</translation>
    </message>
    <message>
        <location filename="../Main.qml" line="346"/>
        <source>仍在使用 %1。</source>
        <translation>Still using %1.</translation>
    </message>
</context>
<context>
    <name>MapToolBar</name>
    <message>
        <location filename="../MapToolBar.qml" line="46"/>
        <source>识别</source>
        <translation>Identify</translation>
    </message>
    <message>
        <location filename="../MapToolBar.qml" line="51"/>
        <source>测距</source>
        <translation>Distance</translation>
    </message>
    <message>
        <location filename="../MapToolBar.qml" line="56"/>
        <source>测面</source>
        <translation>Area</translation>
    </message>
    <message>
        <location filename="../MapToolBar.qml" line="61"/>
        <source>整比例尺</source>
        <translation>Round scales</translation>
    </message>
    <message>
        <location filename="../MapToolBar.qml" line="67"/>
        <source>缩放停在 1:2 000、1:5 000、1:10 000、1:25 000、1:50 000、1:100 000</source>
        <translation>Zoom stops at 1:2 000, 1:5 000, 1:10 000, 1:25 000, 1:50 000, 1:100 000</translation>
    </message>
    <message>
        <location filename="../MapToolBar.qml" line="71"/>
        <source>导入…</source>
        <translation>Import…</translation>
    </message>
    <message>
        <location filename="../MapToolBar.qml" line="78"/>
        <source>设置</source>
        <translation>Settings</translation>
    </message>
</context>
<context>
    <name>MeasurePanel</name>
    <message>
        <location filename="../MeasurePanel.qml" line="27"/>
        <source>撤销</source>
        <translation>Undo</translation>
    </message>
    <message>
        <location filename="../MeasurePanel.qml" line="33"/>
        <source>清除</source>
        <translation>Clear</translation>
    </message>
</context>
<context>
    <name>NavigationButtons</name>
    <message>
        <location filename="../NavigationButtons.qml" line="26"/>
        <source>放大（+）</source>
        <translation>Zoom in (+)</translation>
    </message>
    <message>
        <location filename="../NavigationButtons.qml" line="32"/>
        <source>缩小（-）</source>
        <translation>Zoom out (-)</translation>
    </message>
    <message>
        <location filename="../NavigationButtons.qml" line="38"/>
        <source>全县（Home）</source>
        <translation>Whole county (Home)</translation>
    </message>
</context>
<context>
    <name>NewProjectDialog</name>
    <message>
        <location filename="../NewProjectDialog.qml" line="21"/>
        <source>新建项目</source>
        <translation>New project</translation>
    </message>
    <message>
        <location filename="../NewProjectDialog.qml" line="46"/>
        <source>新项目文件</source>
        <translation>New project file</translation>
    </message>
    <message>
        <location filename="../NewProjectDialog.qml" line="49"/>
        <source>PlanLines 项目 (*.sqlite)</source>
        <translation>PlanLines projects (*.sqlite)</translation>
    </message>
    <message>
        <location filename="../NewProjectDialog.qml" line="56"/>
        <source>创建</source>
        <translation>Create</translation>
    </message>
    <message>
        <location filename="../NewProjectDialog.qml" line="63"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../NewProjectDialog.qml" line="74"/>
        <source>项目文件</source>
        <translation>Project file</translation>
    </message>
    <message>
        <location filename="../NewProjectDialog.qml" line="81"/>
        <source>例如 /home/user/高青县.sqlite</source>
        <translation>e.g. /home/user/gaoqing.sqlite</translation>
    </message>
    <message>
        <location filename="../NewProjectDialog.qml" line="85"/>
        <source>浏览…</source>
        <translation>Browse…</translation>
    </message>
    <message>
        <location filename="../NewProjectDialog.qml" line="89"/>
        <source>工作坐标系</source>
        <translation>Working CRS</translation>
    </message>
    <message>
        <location filename="../NewProjectDialog.qml" line="94"/>
        <source>%1 CGCS2000 3度带 中央经线 %2°E</source>
        <translation>%1 CGCS2000 3° zone, CM %2°E</translation>
    </message>
    <message>
        <location filename="../NewProjectDialog.qml" line="99"/>
        <source>县（区）名称</source>
        <translation>County name</translation>
    </message>
    <message>
        <location filename="../NewProjectDialog.qml" line="104"/>
        <source>例如 高青县</source>
        <translation>e.g. 高青县</translation>
    </message>
    <message>
        <location filename="../NewProjectDialog.qml" line="106"/>
        <source>行政区划代码</source>
        <translation>County code</translation>
    </message>
    <message>
        <location filename="../NewProjectDialog.qml" line="111"/>
        <source>6 位数字，例如 370322</source>
        <translation>6 digits, e.g. 370322</translation>
    </message>
</context>
<context>
    <name>PrintDialog</name>
    <message>
        <location filename="../PrintDialog.qml" line="81"/>
        <source>打印地图</source>
        <translation>Print map</translation>
    </message>
    <message>
        <location filename="../PrintDialog.qml" line="91"/>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../PrintDialog.qml" line="122"/>
        <source>范围</source>
        <translation>Extent</translation>
    </message>
    <message>
        <location filename="../PrintDialog.qml" line="130"/>
        <source>当前地图视图</source>
        <translation>Current map view</translation>
    </message>
    <message>
        <location filename="../PrintDialog.qml" line="131"/>
        <source>全县</source>
        <translation>Whole county</translation>
    </message>
    <message>
        <location filename="../PrintDialog.qml" line="132"/>
        <location filename="../PrintDialog.qml" line="140"/>
        <source>乡镇</source>
        <translation>Township</translation>
    </message>
    <message>
        <location filename="../PrintDialog.qml" line="163"/>
        <source>可直接输入比例尺（如 1:7500）后回车</source>
        <translation>Type a scale (e.g. 1:7500) and press Enter</translation>
    </message>
    <message>
        <location filename="../PrintDialog.qml" line="193"/>
        <source>标题</source>
        <translation>Title</translation>
    </message>
    <message>
        <location filename="../PrintDialog.qml" line="199"/>
        <source>规划图</source>
        <translation> planning map</translation>
    </message>
    <message>
        <location filename="../PrintDialog.qml" line="202"/>
        <source>副标题</source>
        <translation>Subtitle</translation>
    </message>
    <message>
        <location filename="../PrintDialog.qml" line="174"/>
        <source>纸张</source>
        <translation>Paper</translation>
    </message>
    <message>
        <location filename="../PrintDialog.qml" line="43"/>
        <source>“%1”不是比例尺（例如 1:5000）</source>
        <translation>“%1” is not a scale (e.g. 1:5000)</translation>
    </message>
    <message>
        <location filename="../PrintDialog.qml" line="185"/>
        <source>横向</source>
        <translation>Landscape</translation>
    </message>
    <message>
        <location filename="../PrintDialog.qml" line="190"/>
        <source>纵向</source>
        <translation>Portrait</translation>
    </message>
    <message>
        <location filename="../PrintDialog.qml" line="151"/>
        <source>比例尺</source>
        <translation>Scale</translation>
    </message>
    <message>
        <location filename="../PrintDialog.qml" line="41"/>
        <location filename="../PrintDialog.qml" line="157"/>
        <source>适合范围</source>
        <translation>Fit to extent</translation>
    </message>
    <message>
        <location filename="../PrintDialog.qml" line="208"/>
        <source>导出到（.pdf、.png 或 .svg）</source>
        <translation>Export to (.pdf, .png or .svg)</translation>
    </message>
    <message>
        <location filename="../PrintDialog.qml" line="220"/>
        <source>导出</source>
        <translation>Export</translation>
    </message>
</context>
<context>
    <name>Role</name>
    <message>
        <location filename="../importcontroller.cpp" line="25"/>
        <source>乡镇行政区</source>
        <translation>Townships</translation>
    </message>
    <message>
        <location filename="../importcontroller.cpp" line="26"/>
        <source>地类图斑</source>
        <translation>Land-use parcels</translation>
    </message>
    <message>
        <location filename="../importcontroller.cpp" line="27"/>
        <source>永久基本农田</source>
        <translation>Permanent basic farmland</translation>
    </message>
    <message>
        <location filename="../importcontroller.cpp" line="28"/>
        <source>生态保护红线</source>
        <translation>Ecological protection red line</translation>
    </message>
    <message>
        <location filename="../importcontroller.cpp" line="29"/>
        <source>城镇开发边界</source>
        <translation>Urban development boundary</translation>
    </message>
    <message>
        <location filename="../importcontroller.cpp" line="30"/>
        <source>环境管控单元</source>
        <translation>Environmental control units</translation>
    </message>
    <message>
        <location filename="../importcontroller.cpp" line="31"/>
        <source>淤背区生态廊道</source>
        <translation>Silt-back ecological corridor</translation>
    </message>
    <message>
        <location filename="../importcontroller.cpp" line="32"/>
        <source>项目选址</source>
        <translation>Project sites</translation>
    </message>
    <message>
        <location filename="../importcontroller.cpp" line="33"/>
        <source>基础地理</source>
        <translation>Context</translation>
    </message>
</context>
<context>
    <name>SearchBox</name>
    <message>
        <location filename="../SearchBox.qml" line="18"/>
        <source>搜索</source>
        <translation>Search</translation>
    </message>
    <message>
        <location filename="../SearchBox.qml" line="22"/>
        <source>搜索：项目、乡镇、图斑编号、K12+300、坐标</source>
        <translation>Search sites, townships, parcels, K12+300, X/Y</translation>
    </message>
</context>
<context>
    <name>StartPane</name>
    <message>
        <location filename="../StartPane.qml" line="24"/>
        <source>没有打开的项目</source>
        <translation>No project is open</translation>
    </message>
    <message>
        <location filename="../StartPane.qml" line="33"/>
        <source>打开一个县的 PlanLines 项目文件（.sqlite），或新建一个空项目再导入数据。</source>
        <translation>Open a county’s PlanLines project file (.sqlite), or make a new empty project and import data into it.</translation>
    </message>
    <message>
        <location filename="../StartPane.qml" line="39"/>
        <source>打开项目…</source>
        <translation>Open project…</translation>
    </message>
    <message>
        <location filename="../StartPane.qml" line="45"/>
        <source>新建项目…</source>
        <translation>New project…</translation>
    </message>
    <message>
        <location filename="../StartPane.qml" line="50"/>
        <source>连接服务器数据库…</source>
        <translation>Connect to a server database…</translation>
    </message>
    <message>
        <location filename="../StartPane.qml" line="57"/>
        <source>最近的项目</source>
        <translation>Recent projects</translation>
    </message>
</context>
<context>
    <name>StatusLine</name>
    <message>
        <location filename="../StatusLine.qml" line="40"/>
        <source>坐标系 %1（%2）</source>
        <translation>CRS %1 (%2)</translation>
    </message>
    <message>
        <location filename="../StatusLine.qml" line="57"/>
        <source>比例尺</source>
        <translation>Scale</translation>
    </message>
    <message>
        <location filename="../StatusLine.qml" line="85"/>
        <source>输入比例尺（如 1:5000 或 5000）后回车</source>
        <translation>Type a scale (1:5000 or 5000) and press Enter</translation>
    </message>
</context>
<context>
    <name>SyntheticBanner</name>
    <message>
        <location filename="../SyntheticBanner.qml" line="17"/>
        <source>合成示例数据（非真实规划数据）</source>
        <translation>Synthetic sample data (not real planning data)</translation>
    </message>
</context>
<context>
    <name>WindowToolBar</name>
    <message>
        <location filename="../WindowToolBar.qml" line="49"/>
        <source>项目</source>
        <translation>Project</translation>
    </message>
    <message>
        <location filename="../WindowToolBar.qml" line="58"/>
        <source>打开项目…（Ctrl+O）</source>
        <translation>Open project… (Ctrl+O)</translation>
    </message>
    <message>
        <location filename="../WindowToolBar.qml" line="63"/>
        <source>新建项目…</source>
        <translation>New project…</translation>
    </message>
    <message>
        <location filename="../WindowToolBar.qml" line="68"/>
        <source>连接服务器数据库…</source>
        <translation>Connect to a server database…</translation>
    </message>
    <message>
        <location filename="../WindowToolBar.qml" line="73"/>
        <source>最近的项目</source>
        <translation>Recent projects</translation>
    </message>
    <message>
        <location filename="../WindowToolBar.qml" line="105"/>
        <source>选址检查</source>
        <translation>Site check</translation>
    </message>
    <message>
        <location filename="../WindowToolBar.qml" line="110"/>
        <source>打印</source>
        <translation>Print</translation>
    </message>
    <message>
        <location filename="../WindowToolBar.qml" line="118"/>
        <source>生态廊道</source>
        <translation>Corridor</translation>
    </message>
    <message>
        <location filename="../WindowToolBar.qml" line="124"/>
        <source>变更分析</source>
        <translation>Land-use change</translation>
    </message>
    <message>
        <location filename="../WindowToolBar.qml" line="129"/>
        <source>帮助</source>
        <translation>Help</translation>
    </message>
</context>
<context>
    <name>planlines::layers</name>
    <message>
        <location filename="../../layers/featuresearch.cpp" line="195"/>
        <source>超出线的终点（%1）</source>
        <translation>beyond the end of the line (%1)</translation>
    </message>
    <message>
        <location filename="../../layers/featuresearch.cpp" line="200"/>
        <source>没有带起点桩号（QDZH）的线图层，无法按桩号定位</source>
        <translation>no line layer with a start chainage (QDZH) to locate a chainage on</translation>
    </message>
    <message>
        <location filename="../../layers/featuresearch.cpp" line="237"/>
        <source>%1 坐标：X %2  Y %3</source>
        <translation>%1 coordinates: X %2  Y %3</translation>
    </message>
    <message>
        <location filename="../../layers/featuresearch.cpp" line="255"/>
        <source>未找到“%1”</source>
        <translation>Nothing found for “%1”</translation>
    </message>
    <message>
        <location filename="../../layers/checkwording.cpp" line="21"/>
        <source>共 %1 个部分</source>
        <translation>%1 parts</translation>
    </message>
    <message>
        <location filename="../../layers/checkwording.cpp" line="25"/>
        <source>第 %1 与 %2 部分</source>
        <translation>parts %1 and %2</translation>
    </message>
    <message>
        <location filename="../../layers/checkwording.cpp" line="27"/>
        <source>；</source>
        <translation>; </translation>
    </message>
    <message>
        <location filename="../../layers/checkwording.cpp" line="39"/>
        <location filename="../../layers/checkwording.cpp" line="74"/>
        <source>永久基本农田</source>
        <translation>permanent basic farmland</translation>
    </message>
    <message>
        <location filename="../../layers/checkwording.cpp" line="40"/>
        <source>生态保护红线</source>
        <translation>ecological red line</translation>
    </message>
    <message>
        <location filename="../../layers/checkwording.cpp" line="41"/>
        <location filename="../../layers/checkwording.cpp" line="75"/>
        <source>城镇开发边界</source>
        <translation>urban development boundary</translation>
    </message>
    <message>
        <location filename="../../layers/checkwording.cpp" line="42"/>
        <source>生态廊道</source>
        <translation>ecological corridor</translation>
    </message>
    <message>
        <location filename="../../layers/checkwording.cpp" line="43"/>
        <source>环境管控单元</source>
        <translation>environmental control units</translation>
    </message>
    <message>
        <location filename="../../layers/checkwording.cpp" line="44"/>
        <source>耕地</source>
        <translation>cultivated land</translation>
    </message>
    <message>
        <location filename="../../layers/checkwording.cpp" line="45"/>
        <source>地类图斑</source>
        <translation>land-use parcels</translation>
    </message>
    <message>
        <location filename="../../layers/checkwording.cpp" line="56"/>
        <source>三区三线与三线一单选址检查规则（示例规则集）</source>
        <translation>Site-check rules for the three zones and three lines and the environmental “three lines, one list” (sample rule set)</translation>
    </message>
    <message>
        <location filename="../../layers/checkwording.cpp" line="58"/>
        <source>不得占用永久基本农田</source>
        <translation>Permanent basic farmland must not be occupied</translation>
    </message>
    <message>
        <location filename="../../layers/checkwording.cpp" line="59"/>
        <source>生态保护红线内禁止开发性、生产性建设活动</source>
        <translation>No development or production construction inside the ecological protection red line</translation>
    </message>
    <message>
        <location filename="../../layers/checkwording.cpp" line="60"/>
        <source>生态保护红线内仅允许有限人为活动</source>
        <translation>Only limited human activities inside the ecological protection red line</translation>
    </message>
    <message>
        <location filename="../../layers/checkwording.cpp" line="61"/>
        <source>城镇建设应在城镇开发边界内</source>
        <translation>Urban construction must lie inside the urban development boundary</translation>
    </message>
    <message>
        <location filename="../../layers/checkwording.cpp" line="62"/>
        <source>城镇开发边界外的公用设施须单独选址论证</source>
        <translation>Utilities outside the urban development boundary need their own siting study</translation>
    </message>
    <message>
        <location filename="../../layers/checkwording.cpp" line="63"/>
        <source>化工项目只能进入经认定的化工园区</source>
        <translation>Chemical projects only in recognised chemical parks</translation>
    </message>
    <message>
        <location filename="../../layers/checkwording.cpp" line="64"/>
        <source>禁止新建、改建、扩建分散燃煤供热锅炉</source>
        <translation>No new, rebuilt or enlarged dispersed coal-fired heating boilers</translation>
    </message>
    <message>
        <location filename="../../layers/checkwording.cpp" line="65"/>
        <source>热力生产项目须核实燃料</source>
        <translation>Heat production projects: the fuel must be verified</translation>
    </message>
    <message>
        <location filename="../../layers/checkwording.cpp" line="66"/>
        <source>优先保护单元内禁止工业项目建设</source>
        <translation>No industrial projects in priority protection units</translation>
    </message>
    <message>
        <location filename="../../layers/checkwording.cpp" line="67"/>
        <source>淤背区生态廊道用地保持廊道用途</source>
        <translation>Land of the levee-backfill ecological corridor keeps its corridor use</translation>
    </message>
    <message>
        <location filename="../../layers/checkwording.cpp" line="68"/>
        <source>淤背区内的防洪、生态工程须与廊道衔接</source>
        <translation>Flood-control and ecological works in the backfill zone must fit the corridor</translation>
    </message>
    <message>
        <location filename="../../layers/checkwording.cpp" line="69"/>
        <source>黄河临堤范围内严格控制新建工业项目</source>
        <translation>New industrial projects strictly controlled near the Yellow River levee</translation>
    </message>
    <message>
        <location filename="../../layers/checkwording.cpp" line="70"/>
        <source>饮用水水源保护区周边严格控制工业项目</source>
        <translation>Industrial projects strictly controlled around drinking-water source protection areas</translation>
    </message>
    <message>
        <location filename="../../layers/checkwording.cpp" line="71"/>
        <source>占用耕地须落实占补平衡</source>
        <translation>Cultivated land occupied must be compensated in equal measure</translation>
    </message>
    <message>
        <location filename="../../layers/checkwording.cpp" line="72"/>
        <source>选址应在现状地类图斑覆盖范围内</source>
        <translation>The site must lie within the current land-use parcels</translation>
    </message>
    <message>
        <location filename="../../layers/checkwording.cpp" line="76"/>
        <source>空间布局约束</source>
        <translation>Spatial layout constraints</translation>
    </message>
    <message>
        <location filename="../../layers/checkwording.cpp" line="77"/>
        <source>污染物排放管控</source>
        <translation>Pollutant discharge control</translation>
    </message>
    <message>
        <location filename="../../layers/checkwording.cpp" line="78"/>
        <source>耕地保护</source>
        <translation>Cultivated land protection</translation>
    </message>
    <message>
        <location filename="../../layers/checkwording.cpp" line="79"/>
        <source>数据核查</source>
        <translation>Data verification</translation>
    </message>
    <message>
        <location filename="../../layers/checkwording.cpp" line="95"/>
        <source>图层“%1”第 %2 号要素</source>
        <translation>layer “%1”, feature %2</translation>
    </message>
    <message>
        <location filename="../../layers/checkwording.cpp" line="96"/>
        <source>%1 图层“%2”第 %3 号要素</source>
        <translation>%1, layer “%2”, feature %3</translation>
    </message>
    <message>
        <location filename="../../layers/checkwording.cpp" line="98"/>
        <source>%1 第 %2 行：%3</source>
        <translation>%1, line %2: %3</translation>
    </message>
    <message>
        <location filename="../../layers/checkwording.cpp" line="112"/>
        <source>拓扑错误</source>
        <translation>topology error</translation>
    </message>
    <message>
        <location filename="../../layers/checkwording.cpp" line="113"/>
        <source>重复点</source>
        <translation>repeated point</translation>
    </message>
    <message>
        <location filename="../../layers/checkwording.cpp" line="114"/>
        <source>内环在外环之外</source>
        <translation>hole outside its shell</translation>
    </message>
    <message>
        <location filename="../../layers/checkwording.cpp" line="115"/>
        <source>内环相互嵌套</source>
        <translation>nested holes</translation>
    </message>
    <message>
        <location filename="../../layers/checkwording.cpp" line="116"/>
        <source>内部不连通</source>
        <translation>disconnected interior</translation>
    </message>
    <message>
        <location filename="../../layers/checkwording.cpp" line="117"/>
        <source>自相交</source>
        <translation>self-intersection</translation>
    </message>
    <message>
        <location filename="../../layers/checkwording.cpp" line="118"/>
        <source>环自相交</source>
        <translation>ring self-intersection</translation>
    </message>
    <message>
        <location filename="../../layers/checkwording.cpp" line="119"/>
        <source>外环相互嵌套</source>
        <translation>nested shells</translation>
    </message>
    <message>
        <location filename="../../layers/checkwording.cpp" line="120"/>
        <source>环重复</source>
        <translation>duplicate rings</translation>
    </message>
    <message>
        <location filename="../../layers/checkwording.cpp" line="122"/>
        <source>几何部件的不同点过少</source>
        <translation>too few distinct points in a part</translation>
    </message>
    <message>
        <location filename="../../layers/checkwording.cpp" line="123"/>
        <source>坐标无效</source>
        <translation>invalid coordinate</translation>
    </message>
    <message>
        <location filename="../../layers/checkwording.cpp" line="124"/>
        <source>环未闭合</source>
        <translation>ring not closed</translation>
    </message>
    <message>
        <location filename="../../layers/checkwording.cpp" line="131"/>
        <source>%1（位于 %2, %3）</source>
        <translation>%1 at %2, %3</translation>
    </message>
    <message>
        <location filename="../../layers/checkwording.cpp" line="151"/>
        <source>选址：%1，已用 MakeValid 修复</source>
        <translation>site: %1; repaired with MakeValid</translation>
    </message>
    <message>
        <location filename="../../layers/checkwording.cpp" line="153"/>
        <source>%1：%2，检查时已修复</source>
        <translation>%1: %2; repaired for the check</translation>
    </message>
    <message>
        <location filename="../../layers/checkwording.cpp" line="156"/>
        <source>%1：GEOS 无法叠加（%2），已用 MakeValid 修复该要素</source>
        <translation>%1: GEOS could not overlay it (%2); the feature was repaired with MakeValid</translation>
    </message>
    <message>
        <location filename="../../layers/checkwording.cpp" line="169"/>
        <source>选址：各部分相互重叠 %1 m²（%2），按各部分的并集计</source>
        <translation>Site: its parts overlap by %1 m² (%2); the site is their union</translation>
    </message>
    <message>
        <location filename="../../layers/checkwording.cpp" line="172"/>
        <source>选址：各部分相接（%1），已合并</source>
        <translation>Site: its parts touch (%1); merged</translation>
    </message>
    <message>
        <location filename="../../layers/checkwording.cpp" line="174"/>
        <source>图层“%1”的要素 %2 与 %3 在选址内重叠 %4 m²，重叠部分只计一次（计入要素 %5）</source>
        <translation>Layer “%1”: features %2 and %3 overlap by %4 m² within the site; the overlap is counted once (for feature %5)</translation>
    </message>
    <message>
        <location filename="../../layers/checkwording.cpp" line="179"/>
        <source>图层“%1”要素 %2</source>
        <translation>layer “%1” feature %2</translation>
    </message>
    <message>
        <location filename="../../layers/checkwording.cpp" line="180"/>
        <source>图层“%1”要素 %2 与 %3 在选址内重叠 %4 m²，%5面积只计一次</source>
        <translation>Layer “%1” feature %2 and %3 overlap by %4 m² within the site; the %5 area counts it once</translation>
    </message>
    <message>
        <location filename="../../layers/checkwording.cpp" line="188"/>
        <source>另有 %1 对要素在选址内重叠，%2面积只计一次</source>
        <translation>%1 more pairs of features overlap within the site; the %2 area counts them once</translation>
    </message>
    <message>
        <location filename="../../layers/checkwording.cpp" line="193"/>
        <source>选址下有多个地类图斑图层（%1）：地类面积和地类表把它们相加；检查所用的项目中每个调查年度只应保留一个地类图斑图层</source>
        <translation>Several land-use layers lie under the site (%1): the land-use area and the land-use table add them up; keep one land-use layer per survey year in the project you check against</translation>
    </message>
    <message>
        <location filename="../../layers/checkwording.cpp" line="197"/>
        <source>选址内的地类图斑相互重叠：面积之和超过选址面积</source>
        <translation>land-use parcels overlap each other under the site: their areas add up to more than the site</translation>
    </message>
    <message>
        <location filename="../../layers/checkwording.cpp" line="211"/>
        <source>%1：无效多边形已修复（%2）</source>
        <translation>%1: invalid polygon repaired (%2)</translation>
    </message>
    <message>
        <location filename="../../layers/checkwording.cpp" line="215"/>
        <source>文件自带</source>
        <translation>from the file</translation>
    </message>
    <message>
        <location filename="../../layers/checkwording.cpp" line="216"/>
        <source>用户指定</source>
        <translation>given by the user</translation>
    </message>
    <message>
        <location filename="../../layers/checkwording.cpp" line="217"/>
        <source>推断</source>
        <translation>inferred</translation>
    </message>
    <message>
        <location filename="../../layers/checkwording.cpp" line="220"/>
        <source>%1 图层“%2”</source>
        <translation>%1, layer “%2”</translation>
    </message>
    <message>
        <location filename="../../layers/checkwording.cpp" line="221"/>
        <source>%1：坐标系 %2（%3）</source>
        <translation>%1: CRS %2 (%3)</translation>
    </message>
    <message>
        <location filename="../../layers/checkwording.cpp" line="224"/>
        <source>%1：%2</source>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>planlines::qml</name>
    <message>
        <location filename="../importcontroller.cpp" line="64"/>
        <source>图层名 %1</source>
        <translation>layer name %1</translation>
    </message>
    <message>
        <location filename="../importcontroller.cpp" line="66"/>
        <location filename="../importcontroller.cpp" line="68"/>
        <source>字段 %1</source>
        <translation>field %1</translation>
    </message>
    <message>
        <location filename="../importcontroller.cpp" line="66"/>
        <source>、</source>
        <translation>, </translation>
    </message>
    <message>
        <location filename="../importcontroller.cpp" line="72"/>
        <source>依据%1识别</source>
        <translation>recognised from %1</translation>
    </message>
    <message>
        <location filename="../importcontroller.cpp" line="74"/>
        <source>用户选择（原依据%1识别）</source>
        <translation>chosen by the user (recognised from %1)</translation>
    </message>
    <message>
        <location filename="../importcontroller.cpp" line="77"/>
        <source>用户选择</source>
        <translation>chosen by the user</translation>
    </message>
    <message>
        <location filename="../importcontroller.cpp" line="84"/>
        <source>.cpg 文件</source>
        <translation>.cpg file</translation>
    </message>
    <message>
        <location filename="../importcontroller.cpp" line="86"/>
        <source>.dbf 文件头</source>
        <translation>.dbf header</translation>
    </message>
    <message>
        <location filename="../importcontroller.cpp" line="88"/>
        <source>自动检测</source>
        <translation>detected</translation>
    </message>
    <message>
        <location filename="../importcontroller.cpp" line="90"/>
        <location filename="../importcontroller.cpp" line="101"/>
        <source>用户指定</source>
        <translation>given by the user</translation>
    </message>
    <message>
        <location filename="../importcontroller.cpp" line="92"/>
        <source>格式规定</source>
        <translation>set by the format</translation>
    </message>
    <message>
        <location filename="../importcontroller.cpp" line="99"/>
        <source>文件自带</source>
        <translation>from the file</translation>
    </message>
    <message>
        <location filename="../importcontroller.cpp" line="103"/>
        <source>由坐标推断</source>
        <translation>inferred from the coordinates</translation>
    </message>
</context>
<context>
    <name>planlines::qml::AttributeTableModel</name>
    <message>
        <location filename="../attributetablemodel.cpp" line="359"/>
        <source>没有打开的属性表</source>
        <translation>No attribute table is open</translation>
    </message>
</context>
<context>
    <name>planlines::qml::ChangeController</name>
    <message>
        <location filename="../changecontroller.cpp" line="139"/>
        <source>无法读取项目的图层：%1</source>
        <translation>Cannot read the project&apos;s layers: %1</translation>
    </message>
    <message>
        <location filename="../changecontroller.cpp" line="160"/>
        <source>正在比对…</source>
        <translation>Comparing…</translation>
    </message>
    <message>
        <location filename="../changecontroller.cpp" line="193"/>
        <source>没有地类变化，未存图层</source>
        <translation>No land-use change: no layer saved</translation>
    </message>
    <message>
        <location filename="../changecontroller.cpp" line="197"/>
        <source>正在存为图层 %1…</source>
        <translation>Saving as layer %1…</translation>
    </message>
    <message>
        <location filename="../changecontroller.cpp" line="213"/>
        <source>无法打印到 %1：请用本机的 .pdf、.png 或 .svg 文件</source>
        <translation>Cannot print to %1: use a local .pdf, .png or .svg file</translation>
    </message>
    <message>
        <location filename="../changecontroller.cpp" line="217"/>
        <source>正在打印变化图…</source>
        <translation>Printing change maps…</translation>
    </message>
    <message>
        <location filename="../changecontroller.cpp" line="270"/>
        <source>失败：%1</source>
        <translation>Failed: %1</translation>
    </message>
    <message>
        <location filename="../changecontroller.cpp" line="272"/>
        <source>已取消比对</source>
        <translation>Comparison cancelled</translation>
    </message>
    <message>
        <location filename="../changecontroller.cpp" line="281"/>
        <source>比对完成：%1 个变化图斑</source>
        <translation>Compared: %1 changed parcels</translation>
    </message>
    <message>
        <location filename="../changecontroller.cpp" line="288"/>
        <source>已打印变化图 %1 张：%2</source>
        <translation>Printed %1 change maps: %2</translation>
    </message>
    <message>
        <location filename="../changecontroller.cpp" line="288"/>
        <source>、</source>
        <translation>, </translation>
    </message>
    <message>
        <location filename="../changecontroller.cpp" line="291"/>
        <source>变化图斑已存为图层 %1</source>
        <translation>Changed parcels saved as layer %1</translation>
    </message>
    <message>
        <location filename="../changecontroller.cpp" line="326"/>
        <location filename="../changecontroller.cpp" line="327"/>
        <source>全县</source>
        <translation>Whole county</translation>
    </message>
    <message>
        <location filename="../changecontroller.cpp" line="438"/>
        <location filename="../changecontroller.cpp" line="439"/>
        <source>全部地类</source>
        <translation>All classes</translation>
    </message>
    <message>
        <location filename="../changecontroller.cpp" line="441"/>
        <source>%1：地类未变，没有变化图斑</source>
        <translation>%1: unchanged, no changed parcels</translation>
    </message>
    <message>
        <location filename="../changecontroller.cpp" line="443"/>
        <source>%1 → %2：%3 个变化图斑，%4 亩</source>
        <translation>%1 → %2: %3 changed parcels, %4 mu</translation>
    </message>
    <message>
        <location filename="../changecontroller.cpp" line="461"/>
        <source>尚未比对</source>
        <translation>Not compared yet</translation>
    </message>
    <message>
        <location filename="../changecontroller.cpp" line="464"/>
        <source>不是本机文件：%1</source>
        <translation>Not a local file: %1</translation>
    </message>
    <message>
        <location filename="../changecontroller.cpp" line="470"/>
        <source>已导出：%1</source>
        <translation>Exported: %1</translation>
    </message>
</context>
<context>
    <name>planlines::qml::ChangeMatrixModel</name>
    <message>
        <location filename="../changematrixmodel.cpp" line="110"/>
        <source>合计</source>
        <translation>Total</translation>
    </message>
</context>
<context>
    <name>planlines::qml::CheckController</name>
    <message>
        <location filename="../checkcontroller.cpp" line="38"/>
        <location filename="../checkcontroller.cpp" line="363"/>
        <source>绘制范围</source>
        <translation>Drawn area</translation>
    </message>
    <message>
        <location filename="../checkcontroller.cpp" line="63"/>
        <source>已打开记录 %1</source>
        <translation>Opened record %1</translation>
    </message>
    <message>
        <location filename="../checkcontroller.cpp" line="65"/>
        <source>已检查并记录（记录 %1）</source>
        <translation>Checked and recorded (record %1)</translation>
    </message>
    <message>
        <location filename="../checkcontroller.cpp" line="66"/>
        <source>已检查 %1 个选址并记录</source>
        <translation>Checked and recorded %1 sites</translation>
    </message>
    <message>
        <location filename="../checkcontroller.cpp" line="178"/>
        <location filename="../checkcontroller.cpp" line="309"/>
        <source>正在读取规则文件…</source>
        <translation>Reading the rule file…</translation>
    </message>
    <message>
        <location filename="../checkcontroller.cpp" line="211"/>
        <location filename="../checkcontroller.cpp" line="411"/>
        <source>项目尚未打开</source>
        <translation>No project is open</translation>
    </message>
    <message>
        <location filename="../checkcontroller.cpp" line="252"/>
        <source>检查时发生未知错误</source>
        <translation>An unknown error occurred during the check</translation>
    </message>
    <message>
        <location filename="../checkcontroller.cpp" line="307"/>
        <source>无法使用规则文件，已改用内置规则：%1</source>
        <translation>Cannot use the rule file; using the built-in rules: %1</translation>
    </message>
    <message>
        <location filename="../checkcontroller.cpp" line="310"/>
        <source>检查规则：%1</source>
        <translation>Check rules: %1</translation>
    </message>
    <message>
        <location filename="../checkcontroller.cpp" line="324"/>
        <location filename="../checkcontroller.cpp" line="332"/>
        <location filename="../checkcontroller.cpp" line="370"/>
        <source>正在检查…</source>
        <translation>Checking…</translation>
    </message>
    <message>
        <location filename="../checkcontroller.cpp" line="346"/>
        <source>绘制范围的顶点坐标无效</source>
        <translation>The drawn area has an invalid vertex</translation>
    </message>
    <message>
        <location filename="../checkcontroller.cpp" line="358"/>
        <source>绘制范围至少需要三个不同的顶点（现有 %1 个）</source>
        <translation>A drawn area needs at least three different vertices (it has %1)</translation>
    </message>
    <message>
        <location filename="../checkcontroller.cpp" line="364"/>
        <source>地图上绘制（%1 个顶点）</source>
        <translation>drawn on the map (%1 vertices)</translation>
    </message>
    <message>
        <location filename="../checkcontroller.cpp" line="377"/>
        <source>请选择要检查的文件</source>
        <translation>Choose a file to check</translation>
    </message>
    <message>
        <location filename="../checkcontroller.cpp" line="382"/>
        <source>正在读取并检查 %1…</source>
        <translation>Reading and checking %1…</translation>
    </message>
    <message>
        <location filename="../checkcontroller.cpp" line="388"/>
        <source>正在打开记录 %1…</source>
        <translation>Opening record %1…</translation>
    </message>
    <message>
        <location filename="../checkcontroller.cpp" line="402"/>
        <source>还没有检查结果</source>
        <translation>There is no check result yet</translation>
    </message>
    <message>
        <location filename="../checkcontroller.cpp" line="406"/>
        <source>报告文件名须以 .pdf、.odt、.html 或 .xlsx 结尾：%1</source>
        <translation>The report file name must end in .pdf, .odt, .html or .xlsx: %1</translation>
    </message>
    <message>
        <location filename="../checkcontroller.cpp" line="418"/>
        <source>正在生成报告…</source>
        <translation>Writing the report…</translation>
    </message>
    <message>
        <location filename="../checkcontrollerview.cpp" line="112"/>
        <source>行业代码：%1&#x3000;规划用途：%2</source>
        <translation>Industry code: %1   Planned use: %2</translation>
    </message>
    <message>
        <location filename="../checkcontrollerview.cpp" line="113"/>
        <source>未填</source>
        <translation>not given</translation>
    </message>
    <message>
        <location filename="../checkcontrollerview.cpp" line="115"/>
        <source>无法检查：%1</source>
        <translation>Not checked: %1</translation>
    </message>
    <message>
        <location filename="../checkcontrollerview.cpp" line="117"/>
        <source>来源：%1</source>
        <translation>Source: %1</translation>
    </message>
    <message>
        <location filename="../checkcontrollerview.cpp" line="119"/>
        <source>已修复：%1</source>
        <translation>Repaired: %1</translation>
    </message>
    <message>
        <location filename="../checkcontrollerview.cpp" line="119"/>
        <source>注意：%1</source>
        <translation>Note: %1</translation>
    </message>
    <message>
        <location filename="../checkcontrollerview.cpp" line="123"/>
        <source>记录 %1</source>
        <translation>Record %1</translation>
    </message>
    <message>
        <location filename="../checkcontrollerview.cpp" line="124"/>
        <source>记录 %1（%2，%3）</source>
        <translation>Record %1 (%2, %3)</translation>
    </message>
    <message>
        <location filename="../checkcontrollerview.cpp" line="129"/>
        <source>规则：%1 %2</source>
        <translation>Rules: %1 %2</translation>
    </message>
    <message>
        <location filename="../checkcontrollerview.cpp" line="210"/>
        <location filename="../checkcontrollerview.cpp" line="226"/>
        <source>%1：%2 个要素</source>
        <translation>%1: %2 features</translation>
    </message>
    <message>
        <location filename="../checkcontrollerview.cpp" line="261"/>
        <source>选址</source>
        <translation>site</translation>
    </message>
    <message>
        <location filename="../checkcontrollerview.cpp" line="263"/>
        <source>等%1个</source>
        <translation>_and_%1_more</translation>
    </message>
    <message>
        <location filename="../checkcontrollerview.cpp" line="267"/>
        <source>_选址检查.pdf</source>
        <translation>_site_check.pdf</translation>
    </message>
</context>
<context>
    <name>planlines::qml::CorridorController</name>
    <message>
        <location filename="../corridorcontroller.cpp" line="45"/>
        <source>规划</source>
        <translation>Planned</translation>
    </message>
    <message>
        <location filename="../corridorcontroller.cpp" line="46"/>
        <source>施工中</source>
        <translation>Under construction</translation>
    </message>
    <message>
        <location filename="../corridorcontroller.cpp" line="47"/>
        <source>已完工</source>
        <translation>Completed</translation>
    </message>
    <message>
        <location filename="../corridorcontroller.cpp" line="48"/>
        <source>已验收</source>
        <translation>Accepted</translation>
    </message>
    <message>
        <location filename="../corridorcontroller.cpp" line="49"/>
        <source>养护</source>
        <translation>Maintenance</translation>
    </message>
    <message>
        <location filename="../corridorcontroller.cpp" line="50"/>
        <source>未记录</source>
        <translation>Not recorded</translation>
    </message>
    <message>
        <location filename="../corridorcontroller.cpp" line="370"/>
        <location filename="../corridorcontroller.cpp" line="400"/>
        <location filename="../corridorcontroller.cpp" line="421"/>
        <source>没有打开含生态廊道图层的项目</source>
        <translation>No project with an ecological corridor layer is open</translation>
    </message>
    <message>
        <location filename="../corridorcontroller.cpp" line="376"/>
        <source>未知状态：%1</source>
        <translation>Unknown status: %1</translation>
    </message>
    <message>
        <location filename="../corridorcontroller.cpp" line="403"/>
        <source>“%1”不是桩号（例如 K12+300）</source>
        <translation>“%1” is not a chainage (e.g. K12+300)</translation>
    </message>
    <message>
        <location filename="../corridorcontroller.cpp" line="437"/>
        <source>没有可导出的进度数据</source>
        <translation>No progress data to export</translation>
    </message>
    <message>
        <location filename="../corridorcontroller.cpp" line="442"/>
        <location filename="../corridorcontroller.cpp" line="466"/>
        <source>无法写入 %1：%2</source>
        <translation>Cannot write %1: %2</translation>
    </message>
    <message>
        <location filename="../corridorcontroller.cpp" line="463"/>
        <source>无法写入 %1</source>
        <translation>Cannot write %1</translation>
    </message>
</context>
<context>
    <name>planlines::qml::CursorReadout</name>
    <message>
        <location filename="../cursorreadout.cpp" line="37"/>
        <source>X %1  Y %2</source>
        <translation>X %1  Y %2</translation>
    </message>
</context>
<context>
    <name>planlines::qml::IdentifyModel</name>
    <message>
        <location filename="../identifymodel.cpp" line="145"/>
        <source>要素 %1</source>
        <translation>Feature %1</translation>
    </message>
</context>
<context>
    <name>planlines::qml::ImportController</name>
    <message>
        <location filename="../importcontroller.cpp" line="151"/>
        <source>未导入：%1</source>
        <translation>Not imported: %1</translation>
    </message>
    <message>
        <location filename="../importcontroller.cpp" line="161"/>
        <source>未识别，请选择</source>
        <translation>Not recognised: choose one</translation>
    </message>
    <message>
        <location filename="../importcontroller.cpp" line="162"/>
        <location filename="../importcontroller.cpp" line="165"/>
        <location filename="../importcontroller.cpp" line="168"/>
        <source>%1（%2）</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location filename="../importcontroller.cpp" line="170"/>
        <source>，无需转换</source>
        <translation>, no transformation needed</translation>
    </message>
    <message>
        <location filename="../importcontroller.cpp" line="172"/>
        <source>，转换：%1</source>
        <translation>, transformation: %1</translation>
    </message>
    <message>
        <location filename="../importcontroller.cpp" line="174"/>
        <source>读 %1 · 写 %2 · 修复 %3 · 拒绝 %4</source>
        <translation>read %1 · written %2 · repaired %3 · rejected %4</translation>
    </message>
    <message>
        <location filename="../importcontroller.cpp" line="181"/>
        <source>已写入（第 %1 版）</source>
        <translation>Written (version %1)</translation>
    </message>
    <message>
        <location filename="../importcontroller.cpp" line="181"/>
        <source>已写入</source>
        <translation>Written</translation>
    </message>
    <message>
        <location filename="../importcontroller.cpp" line="182"/>
        <source>未写入：需选择类型</source>
        <translation>Not written: choose its role</translation>
    </message>
    <message>
        <location filename="../importcontroller.cpp" line="183"/>
        <source>未写入：%1</source>
        <translation>Not written: %1</translation>
    </message>
    <message>
        <location filename="../importcontroller.cpp" line="291"/>
        <source>正在导入 %1</source>
        <translation>Importing %1</translation>
    </message>
    <message>
        <location filename="../importcontroller.cpp" line="328"/>
        <source>%1：已读 %2 / %3 个要素</source>
        <translation>%1: %2 of %3 features read</translation>
    </message>
    <message>
        <location filename="../importcontroller.cpp" line="329"/>
        <source>%1：已读 %2 个要素</source>
        <translation>%1: %2 features read</translation>
    </message>
    <message>
        <location filename="../importcontroller.cpp" line="354"/>
        <source>无法打开项目：%1</source>
        <translation>Cannot open the project: %1</translation>
    </message>
    <message>
        <location filename="../importcontroller.cpp" line="356"/>
        <source>
已取消：被取消的文件没有写入任何内容。</source>
        <translation>
Cancelled: nothing of the cancelled file was written.</translation>
    </message>
</context>
<context>
    <name>planlines::qml::MapFormat</name>
    <message>
        <location filename="../mapformat.cpp" line="29"/>
        <source>%1 m² · %2 亩 · %3 公顷</source>
        <translation>%1 m² · %2 mu · %3 ha</translation>
    </message>
</context>
<context>
    <name>planlines::qml::MeasureTool</name>
    <message>
        <location filename="../measuretool.cpp" line="46"/>
        <source>单击地图添加点</source>
        <translation>Click the map to add points</translation>
    </message>
    <message>
        <location filename="../measuretool.cpp" line="46"/>
        <source>长度 %1</source>
        <translation>Length %1</translation>
    </message>
    <message>
        <location filename="../measuretool.cpp" line="48"/>
        <source>单击地图添加至少三个点</source>
        <translation>Click the map to add at least three points</translation>
    </message>
    <message>
        <location filename="../measuretool.cpp" line="49"/>
        <source>面积 %1（周长 %2）</source>
        <translation>Area %1 (perimeter %2)</translation>
    </message>
</context>
<context>
    <name>planlines::qml::PrintController</name>
    <message>
        <location filename="../printcontroller.cpp" line="173"/>
        <source>没有打开的项目</source>
        <translation>No project is open</translation>
    </message>
    <message>
        <location filename="../printcontroller.cpp" line="178"/>
        <source>未知的纸张：%1</source>
        <translation>Unknown paper: %1</translation>
    </message>
    <message>
        <location filename="../printcontroller.cpp" line="184"/>
        <source>已导出：%1</source>
        <translation>Exported: %1</translation>
    </message>
</context>
<context>
    <name>planlines::qml::ProjectFiles</name>
    <message>
        <location filename="../projectfiles.cpp" line="50"/>
        <source>请选择新项目文件的位置</source>
        <translation>Choose where to write the new project file</translation>
    </message>
    <message>
        <location filename="../projectfiles.cpp" line="52"/>
        <source>%1：请填写县（区）名称</source>
        <translation>%1: enter the county’s name</translation>
    </message>
    <message>
        <location filename="../projectfiles.cpp" line="55"/>
        <source>%1：县级行政区划代码应为 6 位数字，不是“%2”</source>
        <translation>%1: the county code must be 6 digits, not “%2”</translation>
    </message>
    <message>
        <location filename="../projectfiles.cpp" line="60"/>
        <source>%1：工作坐标系应为 CGCS2000 3 度带（EPSG:4534–4554），不是“%2”</source>
        <translation>%1: the working CRS must be a CGCS2000 3° zone (EPSG:4534–4554), not “%2”</translation>
    </message>
</context>
<context>
    <name>planlines::qml::SearchModel</name>
    <message>
        <location filename="../searchmodel.cpp" line="114"/>
        <source>项目尚未打开</source>
        <translation>No project is open</translation>
    </message>
</context>
<context>
    <name>planlines::qml::StoreWatcher</name>
    <message>
        <location filename="../storewatcher.cpp" line="86"/>
        <source>与项目数据库的连接中断，正在重试：%1</source>
        <translation>The connection to the project database was lost; retrying: %1</translation>
    </message>
</context>
</TS>
