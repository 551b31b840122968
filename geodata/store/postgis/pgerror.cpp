#include "pgerror.h"
#include "pgroles.h"

#include <algorithm>
#include <cctype>

namespace planlines::geodata {

StoreError::Kind pgErrorKind(const std::string &s)
{
    using K = StoreError::Kind;
    const std::string cls = s.substr(0, 2);
    if (s == "42501" || cls == "28")
        return K::PermissionDenied;
    // unique / exclusion: someone wrote the same row first; PL409: a corridor segment's row
    // version moved on since the writer read it (sql/postgis/002_corridor_rev.sql).
    if (s == "23505" || s == "23P01" || s == "PL409")
        return K::Conflict;
    if (cls == "08" || s == "57P01" || s == "57P02" || s == "57P03")
        return K::ConnectionLost;
    // A retry would succeed: serialization failure, deadlock, lock not available, timeout.
    if (s == "40001" || s == "40P01" || s == "55P03" || s == "57014")
        return K::Busy;
    if (s == "53100")
        return K::Full;
    if (s == "XX001" || s == "XX002")
        return K::Corrupt;
    return K::Other;
}

namespace {

std::string upperFirstWord(const std::string &sql)
{
    std::size_t i = 0;
    for (;;) { // past blanks and -- comments (scripts open with one)
        while (i < sql.size() && std::isspace(static_cast<unsigned char>(sql[i])))
            ++i;
        if (sql.compare(i, 2, "--") != 0)
            break;
        i = sql.find('\n', i);
        if (i == std::string::npos)
            return {};
    }
    std::string w;
    while (i < sql.size() && std::isalpha(static_cast<unsigned char>(sql[i])))
        w += static_cast<char>(std::toupper(static_cast<unsigned char>(sql[i++])));
    return w;
}

// The privilege a statement needs, from its first word (COPY … FROM writes rows).
std::string privilegeOf(const std::string &sql)
{
    const std::string w = upperFirstWord(sql);
    if (w == "COPY")
        return "INSERT";
    if (w == "WITH" || w.empty())
        return "SELECT";
    return w;
}

// The object a refusal names: "permission denied for table corridor_progress", "must be owner of
// table x", "… row-level security policy for table "layers"".
std::string objectOf(const std::string &message)
{
    for (const char *marker : {" for table ", " of table ", " for schema ", " for sequence ",
                               " for function ", " for database "}) {
        const auto at = message.find(marker);
        if (at == std::string::npos)
            continue;
        std::string name = message.substr(at + std::string(marker).size());
        name.erase(std::remove(name.begin(), name.end(), '"'), name.end());
        const bool schema = std::string(marker) == " for schema ";
        return schema ? "schema " + name : name;
    }
    return {};
}

std::string permissionMessage(const PgErrorFields &f)
{
    const std::string object = objectOf(f.message);
    const bool rowPolicy = f.message.find("row-level security") != std::string::npos;
    const std::string privilege = privilegeOf(f.sql);
    const std::string_view role = rowPolicy ? kPgAdminRole : pgRoleGranting(privilege, object);
    std::string what = rowPolicy ? "write this row of " + object
                                 : privilege + (object.empty() ? "" : " on " + object);
    std::string out = "permission denied: role " + f.user + " may not " + what +
                      (role.empty() ? std::string("; the table is append-only: an entry is "
                                                  "corrected by a new one, never rewritten")
                                    : "; needs " + std::string(role)) +
                      " (" + f.message + ")";
    if (rowPolicy)
        out += "; an editor writes site layers only, replacing other layers needs " +
               std::string(kPgAdminRole);
    return out;
}

} // namespace

StoreError pgStoreError(const PgErrorFields &f, const std::string &context)
{
    const StoreError::Kind kind = pgErrorKind(f.sqlstate);
    std::string cause;
    if (kind == StoreError::Kind::PermissionDenied && f.sqlstate == "42501") {
        cause = permissionMessage(f);
    } else {
        cause = f.message;
        if (!f.detail.empty())
            cause += " (" + f.detail + ")";
        if (!f.hint.empty())
            cause += "; " + f.hint;
        // Which row of a COPY: the feature a person must fix (line N is the Nth row sent).
        if (f.where.rfind("COPY ", 0) == 0)
            cause += " (at " + f.where.substr(0, f.where.find(':')) + ")";
    }
    if (!f.sqlstate.empty())
        cause += " [SQLSTATE " + f.sqlstate + "]";
    return StoreError(std::move(cause), context, 0, kind);
}

StoreError::Kind pgConnectFailureKind(const std::string &m)
{
    for (const char *refusal : {"password authentication failed", "no password supplied",
                                "authentication failed", "pg_hba.conf", "permission denied",
                                "does not exist"}) // role or database: not a network failure
        if (m.find(refusal) != std::string::npos)
            return m.find("does not exist") != std::string::npos
                       ? StoreError::Kind::Other
                       : StoreError::Kind::PermissionDenied;
    return StoreError::Kind::ConnectionLost;
}

} // namespace planlines::geodata
