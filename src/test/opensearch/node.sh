#!/usr/bin/env bash
# Starts one OpenSearch 2.19.6 node from Maven Central's artifacts, for the tests and the search benchmark:
#   src/test/opensearch/node.sh PORT HOME [--exit-with-stdin]
# The heap is OPENSEARCH_HEAP (512m). The classpath is resolved once (target/opensearch-node/classpath.txt) and the
# node's main compiled once (target/opensearch-node/classes); Java 17 and the Maven wrapper are all it needs.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../../.." && pwd)
out="$root/target/opensearch-node"
cp_file="$out/classpath.txt"
mkdir -p "$out"
if [ ! -s "$cp_file" ] || [ "$here/pom.xml" -nt "$cp_file" ]; then
  "$root/mvnw" -q -B -f "$here/pom.xml" dependency:build-classpath -Dmdep.outputFile="$cp_file" >&2
fi
if [ ! -f "$out/classes/OpenSearchNode.class" ] || [ "$here/OpenSearchNode.java" -nt "$out/classes/OpenSearchNode.class" ]; then
  javac -nowarn -d "$out/classes" -cp "$(cat "$cp_file")" "$here/OpenSearchNode.java" >&2
fi
heap=${OPENSEARCH_HEAP:-512m}
exec java "-Xms$heap" "-Xmx$heap" -XX:+UseSerialGC -Dlog4j2.disable.jmx=true \
  -cp "$out/classes:$(cat "$cp_file")" OpenSearchNode "$@"
