# Runs lupdate on a copy of translations/baton_zh_CN.ts: the copy must come out with no
# unfinished message, i.e. every string in the sources has a Chinese translation.
file(MAKE_DIRECTORY ${BINARY_DIR}/translation-check)
set(copy ${BINARY_DIR}/translation-check/baton_zh_CN.ts)
file(COPY_FILE ${SOURCE_DIR}/translations/baton_zh_CN.ts ${copy})
execute_process(
    COMMAND ${LUPDATE} -no-obsolete -locations none -extensions cpp,h,qml ${SOURCE_DIR}/src ${SOURCE_DIR}/qml -ts ${copy}
    RESULT_VARIABLE result OUTPUT_VARIABLE output ERROR_VARIABLE output)
if(NOT result EQUAL 0)
    message(FATAL_ERROR "lupdate failed:\n${output}")
endif()
file(STRINGS ${copy} unfinished REGEX "type=\"unfinished\"")
list(LENGTH unfinished count)
if(count GREATER 0)
    file(STRINGS ${copy} sources REGEX "<source>")
    message(FATAL_ERROR "${count} string(s) lack a Chinese translation; run the update_translations target, "
        "translate translations/baton_zh_CN.ts, and see ${copy}")
endif()
message(STATUS "translations/baton_zh_CN.ts is complete")
