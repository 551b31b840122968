# Tests of the sample county generator (geodata/sample/) on the database built at build time.
planlines_add_test(geodata_samplecountytest
    SOURCES samplecountytest.cpp testsupport.h
    LIBS planlines_geodata
    LABELS geodata sample)
planlines_add_test(geodata_samplegeneratortest
    SOURCES samplegeneratortest.cpp testsupport.h
    LIBS planlines_geodata
    LABELS geodata sample)
target_compile_definitions(geodata_samplecountytest PRIVATE
    PLANLINES_SAMPLE_PARCELS=${PLANLINES_SAMPLE_PARCELS})
