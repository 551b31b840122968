// The main of a fuzz target built without libFuzzer (`make test`, GCC): feeds every file of the
// folders given (the target's seed corpus and its regression corpus of inputs that once failed)
// to LLVMFuzzerTestOneInput once. Fails when an input takes over 5 s; a crash fails by itself.
#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size);

int main(int argc, char **argv)
{
    namespace fs = std::filesystem;
    constexpr double kLimitSeconds = 5.0;
    std::vector<fs::path> inputs;
    for (int i = 1; i < argc; ++i) {
        std::error_code ec;
        if (!fs::exists(argv[i], ec))
            continue; // no regression yet for this target
        for (const auto &entry : fs::directory_iterator(argv[i], ec))
            if (entry.is_regular_file() && entry.path().filename().string()[0] != '.')
                inputs.push_back(entry.path());
        if (ec) {
            std::fprintf(stderr, "%s: %s\n", argv[i], ec.message().c_str());
            return 1;
        }
    }
    std::sort(inputs.begin(), inputs.end());
    if (inputs.empty()) {
        std::fprintf(stderr, "no input in the folders given\n");
        return 1;
    }
    int slow = 0;
    double slowest = 0;
    std::string slowestName;
    for (const auto &path : inputs) {
        std::ifstream in(path, std::ios::binary);
        const std::vector<char> bytes{std::istreambuf_iterator<char>(in),
                                      std::istreambuf_iterator<char>()};
        const auto start = std::chrono::steady_clock::now();
        LLVMFuzzerTestOneInput(reinterpret_cast<const std::uint8_t *>(bytes.data()), bytes.size());
        const double s =
            std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        if (s > slowest) {
            slowest = s;
            slowestName = path.string();
        }
        if (s > kLimitSeconds) {
            std::fprintf(stderr, "FAIL %s took %.1f s (limit %.0f s)\n", path.c_str(), s,
                         kLimitSeconds);
            ++slow;
        }
    }
    std::printf("%zu inputs, slowest %.0f ms (%s), %d over %.0f s\n", inputs.size(), slowest * 1000,
                slowestName.c_str(), slow, kLimitSeconds);
    return slow == 0 ? 0 : 1;
}
