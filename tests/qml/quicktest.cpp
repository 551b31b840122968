// Qt Quick Test runner for the QML components in tests/qml/quick (tst_*.qml): the PlanLines
// module is linked in statically, so its types are registered and its qrc import path added.
#include <qml/mainwindow.h>

#include <QQmlEngine>
#include <QtQuickTest>

extern void qml_register_types_PlanLines();

class Setup : public QObject
{
    Q_OBJECT

public slots:
    void applicationAvailable() { planlines::qml::MainWindow::prepare(); }
    void qmlEngineAvailable(QQmlEngine *engine)
    {
        qml_register_types_PlanLines();
        engine->addImportPath(QStringLiteral("qrc:/qt/qml"));
    }
};

QUICK_TEST_MAIN_WITH_SETUP(planlines_quick, Setup)
#include "quicktest.moc"
