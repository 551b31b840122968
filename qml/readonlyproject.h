// A read-only connection to the session's project file for the tools' queries (identify
// details, search), opened on first use and reopened when the file changes.
#pragma once

#include <geodata/project.h>

#include <memory>
#include <string>

namespace planlines::qml {

class ReadOnlyProject
{
public:
    // Throws geodata::Error when the file cannot be opened.
    geodata::Project &open(const std::string &path)
    {
        if (!m_project || m_path != path) {
            m_project.reset();
            m_project = geodata::Project::open(path, true);
            m_path = path;
        }
        return *m_project;
    }
    // Drops the connection (after an import wrote to the file, so the next query sees it).
    void close() { m_project.reset(); }

private:
    std::unique_ptr<geodata::Project> m_project;
    std::string m_path;
};

} // namespace planlines::qml
