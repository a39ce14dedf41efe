# Runs lupdate on copies of the committed translations: the copies must come out with no
# unfinished message, i.e. every string in the sources has a Chinese translation, and every
# plural has its English forms.
file(MAKE_DIRECTORY ${BINARY_DIR}/translation-check)
foreach(catalogue baton_zh_CN baton_en)
    set(copy ${BINARY_DIR}/translation-check/${catalogue}.ts)
    file(COPY_FILE ${SOURCE_DIR}/translations/${catalogue}.ts ${copy})
    set(pluralsOnly)
    if(catalogue STREQUAL "baton_en")
        set(pluralsOnly -pluralonly)
    endif()
    execute_process(
        COMMAND ${LUPDATE} -no-obsolete -locations none ${pluralsOnly} -extensions cpp,h,qml
            ${SOURCE_DIR}/src ${SOURCE_DIR}/qml -ts ${copy}
        RESULT_VARIABLE result OUTPUT_VARIABLE output ERROR_VARIABLE output)
    if(NOT result EQUAL 0)
        message(FATAL_ERROR "lupdate failed:\n${output}")
    endif()
    file(STRINGS ${copy} unfinished REGEX "type=\"unfinished\"")
    list(LENGTH unfinished count)
    if(count GREATER 0)
        message(FATAL_ERROR "translations/${catalogue}.ts: ${count} string(s) lack a translation; run the "
            "update_translations target, translate them, and see ${copy}")
    endif()
    message(STATUS "translations/${catalogue}.ts is complete")
endforeach()
