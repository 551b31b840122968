// The sample county on the engine of the run, for the corridor suites that run on both
// (issue 17): the file the build makes, or in the _pg run a copy of it published into the
// throwaway cluster (store/transfer.h, as `planlines publish` does), made once when first asked.
// What a test expects is still computed from the file itself (its own SQL), so on PostGIS the
// engine is checked against the file.
#pragma once

#include "common/teststore.h"

#include <geodata/store/transfer.h>

#include <optional>
#include <string>

namespace planlines::testing {

class SampleCopy
{
public:
    // A file path or a postgresql:// URI, for Project::open.
    const std::string &location()
    {
        if (!m_location.empty())
            return m_location;
        if (!geodata::test::testOnPostgis()) {
            m_location = PLANLINES_SAMPLE_DB;
            return m_location;
        }
        m_store.emplace("sample");
        geodata::transferProject(PLANLINES_SAMPLE_DB, m_store->location(), /*replace=*/false);
        m_location = m_store->location();
        return m_location;
    }

private:
    std::optional<geodata::test::TestStore> m_store;
    std::string m_location;
};

} // namespace planlines::testing
