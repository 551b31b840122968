// Writes a whole file or nothing: the bytes go to a temporary file beside the target, every
// write, the fsync and the close are checked, and only then is it renamed over the target. On
// a full disk (ENOSPC) or a file-size limit (EFBIG) the temporary file is removed and the
// target is left as it was. A target that exists and is not a regular file is refused.
#pragma once

#include <string>
#include <string_view>

namespace planlines::geodata {

// Throws geodata::Error("cannot write: <strerror>", path).
void saveFile(const std::string &path, std::string_view bytes);

} // namespace planlines::geodata
