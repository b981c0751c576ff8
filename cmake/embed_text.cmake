# Writes a C++ source that holds a text file as a string, so the binary carries it and the file
# stays a file that its own tools (shellcheck, zsh -n, fish --no-execute) can read.
#   cmake -DIN=<file> -DOUT=<file.cpp> -DSYMBOL=<name in peerctl::cli> -P embed_text.cmake
file(READ "${IN}" text)
# A raw string literal ends at the first )delimiter": the text must not contain one.
set(delimiter "peerctl_embed")
string(FIND "${text}" ")${delimiter}\"" collision)
if(NOT collision EQUAL -1)
  message(FATAL_ERROR "${IN} contains )${delimiter}\", which would end the string early")
endif()
get_filename_component(name "${IN}" NAME)
file(WRITE "${OUT}"
     "// Generated at build time from ${name} by embed_text.cmake: edit ${name}, not this.\n"
     "#include <string_view>\n\n"
     "namespace peerctl::cli {\n"
     "extern const std::string_view ${SYMBOL};\n"
     "const std::string_view ${SYMBOL} = R\"${delimiter}(${text})${delimiter}\";\n"
     "} // namespace peerctl::cli\n")
