#include "samplegenerator.h"
#include "../error.h"
namespace planlines::geodata {
SampleReport SampleGenerator::generate(const SampleOptions &) { throw Error("not yet"); }
}
