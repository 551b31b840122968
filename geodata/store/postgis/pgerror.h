// PostgreSQL's errors as StoreError: the SQLSTATE class decides the kind, and a refused right
// (42501) is worded with the right that is missing and the PlanLines group role that grants it.
#pragma once

#include "../../error.h"

#include <string>

namespace planlines::geodata {

// What the server said about one failed statement.
struct PgErrorFields
{
    std::string sqlstate; // five characters, e.g. 42501
    std::string message;  // primary message
    std::string detail;
    std::string hint;
    std::string table;
    std::string constraint;
    std::string where; // the server's context: "COPY t, line 7, column geom"
    std::string sql;   // the statement that failed
    std::string user;  // the role the session runs as
};

StoreError::Kind pgErrorKind(const std::string &sqlstate);
// The error a person reads; context is the database's display name.
StoreError pgStoreError(const PgErrorFields &f, const std::string &context);
// The kind of a failed connection attempt from libpq's message (no SQLSTATE is available then):
// an authentication refusal is PermissionDenied, anything else ConnectionLost.
StoreError::Kind pgConnectFailureKind(const std::string &message);

} // namespace planlines::geodata
