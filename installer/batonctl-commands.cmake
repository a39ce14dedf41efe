# cmake -DBATONCTL=<path> -DOUTPUT=<file> -P batonctl-commands.cmake
# Writes a help2man include file with a COMMANDS section: every batonctl command's own --help,
# so that `man batonctl` lists every option and no page is written by hand.
foreach(var BATONCTL OUTPUT)
    if(NOT DEFINED ${var})
        message(FATAL_ERROR "batonctl-commands.cmake: set ${var}")
    endif()
endforeach()

set(roff "[COMMANDS]\n")
foreach(command lab status build preflight upgrade drain commit rollback rollout transcript)
    execute_process(COMMAND ${CMAKE_COMMAND} -E env LC_ALL=C.UTF-8 LANGUAGE= ${BATONCTL} ${command} --help
        OUTPUT_VARIABLE help
        RESULT_VARIABLE result)
    if(NOT result EQUAL 0)
        message(FATAL_ERROR "batonctl ${command} --help failed (${result})")
    endif()
    # "Usage: /path/to/batonctl [options] ARGS" names the command as a user types it
    string(REGEX REPLACE "^Usage: [^ \n]+" "Usage: batonctl ${command}" help "${help}")
    # the Qt options every command shares are the synopsis's business, not each command's
    string(REGEX REPLACE "\n  -h, --help[^\n]*\n  --help-all[^\n]*" "" help "${help}")
    # roff: a backslash is \e, and a line must not start with a control character
    string(REPLACE "\\" "\\e" help "${help}")
    string(REGEX REPLACE "(^|\n)([.'])" "\\1\\\\&\\2" help "${help}")
    string(STRIP "${help}" help)
    string(APPEND roff ".SS \"batonctl ${command}\"\n.nf\n${help}\n.fi\n")
endforeach()
file(WRITE ${OUTPUT} "${roff}")
