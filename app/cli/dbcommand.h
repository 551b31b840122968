// `planlines db …`: administering a PostgreSQL/PostGIS project database (issue 17).
#pragma once

#include <QStringList>

namespace planlines::cli {

// planlines db init --db postgresql://… [--crs EPSG:N] [--county NAME] [--code CODE]
int runDb(const QStringList &args);

} // namespace planlines::cli
