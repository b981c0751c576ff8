// toml++ itself, for builds that compile it from its headers with its assertions on
// (PEERCTL_TOML_CHECKED: the sanitizer build) rather than link Debian's library. Once, here, and
// optimised: every command of the sanitizer build's tests parses each built-in credential, and the
// parser at -O0 was a quarter of a command's time. The sanitizers and assertions stay on.
#define TOML_IMPLEMENTATION
#include <toml++/toml.h>
