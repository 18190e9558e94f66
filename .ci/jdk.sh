#!/usr/bin/env bash
# Sourced by .ci/run and the bench/ scripts: exports JAVA_HOME as the newest JDK >= 21 found on the machine.
java_major() {
  "$1/bin/java" -XshowSettings:properties -version 2>&1 |
    awk -F'= ' '/java.specification.version/ { split($2, v, "."); print (v[1] == "1" ? v[2] : v[1]) }'
}
pick_jdk() {
  local best="" best_major=0 dir major
  for dir in ${JAVA_HOME:-} /usr/lib/jvm/* /opt/java/* /usr/local/*jdk*; do
    [ -x "$dir/bin/javac" ] || continue
    major=$(java_major "$dir")
    [ -n "$major" ] || continue
    if [ "$major" -ge 21 ] && [ "$major" -gt "$best_major" ]; then best="$dir"; best_major="$major"; fi
  done
  [ -n "$best" ] || { echo "No JDK 21 or newer found (looked in /usr/lib/jvm and JAVA_HOME)" >&2; return 1; }
  echo "$best"
}
JAVA_HOME=$(pick_jdk)
export JAVA_HOME
export PATH="$JAVA_HOME/bin:$PATH"
