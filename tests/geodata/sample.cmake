# Tests of the sample county generator (geodata/sample/) on the database built at build time.
planlines_add_test(geodata_samplecountytest
    SOURCES samplecountytest.cpp sampleoverlap.h testsupport.h
    LIBS planlines_geodata
    LABELS geodata sample)
# The second survey year (地类图斑 v2, 2024) against the first and against compareLanduse.
planlines_add_test(geodata_samplesecondyeartest
    SOURCES samplesecondyeartest.cpp sampleoverlap.h testsupport.h
    LIBS planlines_geodata
    LABELS geodata sample landuse)
planlines_add_test(geodata_samplegeneratortest
    SOURCES samplegeneratortest.cpp sampleoverlap.h testsupport.h
    LIBS planlines_geodata
    LABELS geodata sample)
target_compile_definitions(geodata_samplecountytest PRIVATE
    PLANLINES_SAMPLE_PARCELS=${PLANLINES_SAMPLE_PARCELS})
# A million parcels: generated and checked for overlaps in a few minutes on two cores, so a
# separate entry labelled slow (`ctest -LE slow` leaves it out) with room beyond `make test`'s
# 600 s and QtTest's 300 s per test function.
planlines_add_test(geodata_samplemilliontest
    SOURCES samplemilliontest.cpp sampleoverlap.h testsupport.h
    LIBS planlines_geodata
    LABELS geodata sample slow)
set_tests_properties(geodata_samplemilliontest PROPERTIES TIMEOUT 1800
    ENVIRONMENT "QT_QPA_PLATFORM=offscreen;LC_ALL=C.UTF-8;QTEST_FUNCTION_TIMEOUT=1800000")
