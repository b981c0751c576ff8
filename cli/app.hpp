#pragma once

namespace peerctl::cli {

// Parses arguments, runs one command, and returns the process exit code.
int run(int argc, char** argv);

} // namespace peerctl::cli
