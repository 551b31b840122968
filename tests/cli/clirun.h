// Runs the built planlines binary and captures what it printed.
#pragma once

#include <QProcess>
#include <QStringList>

struct CliResult
{
    int exitCode = -1;
    QString out, err;
};

inline CliResult runPlanlines(const QStringList &args, int timeoutMs = 300000)
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("PLANLINES_DB"));
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(PLANLINES_BIN), args);
    p.waitForFinished(timeoutMs);
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1,
            QString::fromUtf8(p.readAllStandardOutput()),
            QString::fromUtf8(p.readAllStandardError())};
}
