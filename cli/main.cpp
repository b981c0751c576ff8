#include "app.hpp"

int main(int argc, char** argv) { return peerctl::cli::run(argc, argv); }
