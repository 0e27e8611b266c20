# Turn a file into a C array: cmake -DINPUT=... -DOUTPUT=... -DNAME=... -P embed.cmake
file(READ "${INPUT}" hex HEX)
string(REGEX REPLACE "([0-9a-f][0-9a-f])" "0x\\1," bytes "${hex}")
file(WRITE "${OUTPUT}.tmp" "/* Generated from ${INPUT}; do not edit. */\nconst unsigned char ${NAME}[] = {${bytes}0x00};\n")
file(RENAME "${OUTPUT}.tmp" "${OUTPUT}")
