# What `cmake --install` puts where, and the Debian package CPack makes of it
# (installer/env.sh package; tested by tests/package/). Included from the top CMakeLists.txt.
include(GNUInstallDirs)

set(BATON_DESKTOP_ID dev.baton.baton) # Application::desktopId
set(linux ${PROJECT_SOURCE_DIR}/resources/linux)
configure_file(${linux}/${BATON_DESKTOP_ID}.metainfo.xml.in
    ${PROJECT_BINARY_DIR}/${BATON_DESKTOP_ID}.metainfo.xml @ONLY)

# Man pages made by help2man from --help and --version: one source of truth for the options.
# Both programs answer these without a display (Application::answersWithoutDisplay).
find_program(HELP2MAN help2man REQUIRED)
set(commands ${PROJECT_BINARY_DIR}/man/batonctl-commands.h2m)
add_custom_command(OUTPUT ${commands}
    COMMAND ${CMAKE_COMMAND} -DBATONCTL=$<TARGET_FILE:batonctl> -DOUTPUT=${commands}
        -P ${PROJECT_SOURCE_DIR}/installer/batonctl-commands.cmake
    DEPENDS batonctl ${PROJECT_SOURCE_DIR}/installer/batonctl-commands.cmake
    COMMENT "Collecting the help of every batonctl command"
    VERBATIM)
set(baton_name "hot binary upgrades of nginx over SSH, the desktop app")
set(baton_includes ${linux}/baton.h2m)
set(batonctl_name "hot binary upgrades of nginx over SSH, from scripts and CI")
set(batonctl_includes ${linux}/batonctl.h2m ${commands})
set(man_pages)
foreach(program baton batonctl)
    set(page ${PROJECT_BINARY_DIR}/man/${program}.1)
    set(includes)
    foreach(include IN LISTS ${program}_includes)
        list(APPEND includes --include=${include})
    endforeach()
    add_custom_command(OUTPUT ${page}.gz
        COMMAND ${CMAKE_COMMAND} -E make_directory ${PROJECT_BINARY_DIR}/man
        COMMAND ${CMAKE_COMMAND} -E env LC_ALL=C.UTF-8 LANGUAGE=
            ${HELP2MAN} --no-info --no-discard-stderr --section=1 --name=${${program}_name}
                --version-string=${PROJECT_VERSION} ${includes} --output=${page} $<TARGET_FILE:${program}>
        COMMAND gzip --best --no-name --force ${page}
        DEPENDS ${program} ${${program}_includes}
        COMMENT "Writing the man page of ${program}"
        VERBATIM)
    list(APPEND man_pages ${page}.gz) # compressed, as Debian's policy wants
endforeach()
add_custom_target(baton_man_pages ALL DEPENDS ${man_pages})

install(TARGETS baton batonctl RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(FILES ${linux}/${BATON_DESKTOP_ID}.desktop DESTINATION ${CMAKE_INSTALL_DATADIR}/applications)
install(FILES ${PROJECT_BINARY_DIR}/${BATON_DESKTOP_ID}.metainfo.xml DESTINATION ${CMAKE_INSTALL_DATADIR}/metainfo)
foreach(size IN LISTS BATON_ICON_SIZES)
    install(FILES ${BATON_ICON_DIR}/${size}x${size}/apps/${BATON_DESKTOP_ID}.png
        DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/${size}x${size}/apps)
endforeach()
install(FILES ${PROJECT_SOURCE_DIR}/resources/icons/baton.svg
    DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/scalable/apps RENAME ${BATON_DESKTOP_ID}.svg)
install(FILES ${man_pages} DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)

# The Debian package. The QML modules, the translations and the host probe are compiled into
# the executables, so the package holds two programs and the desktop's files.
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME baton)
set(CPACK_PACKAGE_VENDOR "The Baton team")
set(CPACK_PACKAGE_CONTACT "The Baton team <baton@localhost>" CACHE STRING "The Debian package's Maintainer")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "hot binary upgrades of nginx over SSH, point-and-click")
set(CPACK_PACKAGE_DESCRIPTION [=[
Baton replaces the nginx executable on running servers without dropping a
request: the hot binary upgrade (USR2, WINCH, QUIT) and its rollback (HUP,
QUIT), over SSH, on one host or a whole fleet, with checks before and after
every phase and live charts of every generation's masters, workers and
connections. batonctl drives the same engine from scripts and CI.]=])
set(CPACK_STRIP_FILES ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION net)
set(CPACK_DEBIAN_PACKAGE_HOMEPAGE ${PROJECT_HOMEPAGE_URL})
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
# The shared libraries come from dpkg-shlibdeps; what it cannot see are the QML modules the
# interface imports at run time and the platform plugins Qt loads.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS [=[
qml6-module-qtquick, qml6-module-qtquick-controls, qml6-module-qtquick-templates,
qml6-module-qtquick-layouts, qml6-module-qtquick-window, qml6-module-qtquick-dialogs,
qml6-module-qtqml-workerscript, qml6-module-qtqml-models, qml6-module-qtgraphs,
qt6-qpa-plugins]=])
string(REGEX REPLACE "\n" " " CPACK_DEBIAN_PACKAGE_DEPENDS "${CPACK_DEBIAN_PACKAGE_DEPENDS}")
string(STRIP "${CPACK_DEBIAN_PACKAGE_DEPENDS}" CPACK_DEBIAN_PACKAGE_DEPENDS)
# The secret store for remembered passwords, Qt's own strings in Chinese, a CJK font, Wayland
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS
    "gnome-keyring | kwalletmanager, qt6-translations-l10n, fonts-noto-cjk | fonts-wqy-microhei, qt6-wayland")
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "ansible-core")
include(CPack)
