# Copies the bundled data (credentials/, example/) from SRC to DST for installation. A TOML
# file's first line "#:schema ../…" names its schema relative to the source tree, where data/
# is one level deeper than schemas/; installed, both sit in share/peerctl/, so one "../" goes.
#   cmake -DSRC=<source>/data -DDST=<dir> -DSTAMP=<file> -P stage_data.cmake
file(REMOVE_RECURSE "${DST}")
file(GLOB_RECURSE files RELATIVE "${SRC}" "${SRC}/credentials/*" "${SRC}/example/*")
foreach(f IN LISTS files)
  get_filename_component(dir "${DST}/${f}" DIRECTORY)
  file(MAKE_DIRECTORY "${dir}")
  if(f MATCHES "\\.toml$")
    file(READ "${SRC}/${f}" text)
    string(REGEX REPLACE "^#:schema \\.\\./" "#:schema " text "${text}")
    file(WRITE "${DST}/${f}" "${text}")
  else()
    file(COPY_FILE "${SRC}/${f}" "${DST}/${f}")
  endif()
endforeach()
file(TOUCH "${STAMP}")
