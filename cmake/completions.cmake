# Writes the completion scripts that the built binary generates from its own command tree.
#   cmake -DPEERCTL=<binary> -DOUT=<dir> -P completions.cmake
file(MAKE_DIRECTORY "${OUT}")
foreach(pair IN ITEMS "bash=peerctl" "zsh=_peerctl" "fish=peerctl.fish")
  string(REPLACE "=" ";" pair "${pair}")
  list(GET pair 0 shell)
  list(GET pair 1 name)
  execute_process(COMMAND "${PEERCTL}" completion ${shell} OUTPUT_FILE "${OUT}/${name}" RESULT_VARIABLE rc)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "peerctl completion ${shell} failed (${rc})")
  endif()
endforeach()
