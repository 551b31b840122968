// `planlines publish` and `planlines snapshot`: a county project between a file and a server.
#pragma once

#include <QStringList>

namespace planlines::cli {

int runPublish(const QStringList &args);
int runSnapshot(const QStringList &args);

} // namespace planlines::cli
