// What a picture without the window shows, as staff name it on the command line: the county,
// a project site or a township by name, or a rectangle of the working CRS. Resolved against a
// loaded ProjectMap to a world rectangle with a margin around named features.
#pragma once

#include "projectmap.h"

#include <QString>

namespace planlines::layers {

class ExtentSpec
{
public:
    // Parses "county", "site:NAME", "township:NAME" or "xmin,ymin,xmax,ymax" (easting,
    // northing in metres of the working CRS). Throws geodata::Error saying what is wrong.
    static ExtentSpec parse(const QString &text);

    // The rectangle to show. For a named feature: its box with a margin of a fifth of its
    // size on each side, and at least minSizeM across (a point site gets a neighbourhood).
    // Throws geodata::Error for a name no feature of that role carries, listing some that do.
    geodata::Envelope resolve(const ProjectMap &map, double minSizeM = 400) const;

private:
    enum class Kind
    {
        County,
        Named,
        Box
    };
    Kind m_kind = Kind::County;
    geodata::Role m_role = geodata::Role::Site;
    QString m_name;
    geodata::Envelope m_box;
};

} // namespace planlines::layers
