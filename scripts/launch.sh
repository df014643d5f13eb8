# Sourced by scripts/holysheep-chat and by the launcher scripts/install writes, so that both run
# the jar with the same JVM options and start-up archive. Defines one function:
#   launch JAR ARGS...   runs JAR with ARGS (stdin, stdout and the exit status passed through)
#
# Start-up (see docs/performance.md): a JVM tuned for short runs, plus an AppCDS archive of the
# classes a chat run loads, kept next to the jar (JAR with .jsa for .jar) and remade whenever the
# jar changes. A missing or stale archive is silently ignored (-Xshare:auto, cds logging off) so
# stdout stays the answer. The archive is made by the first run that talks to a gateway (not
# --version, --help or a subcommand, which would archive too little), written aside and renamed
# so that concurrent runs never share a half-written file. `--version` alone runs without it:
# that run loads a handful of classes, fewer than it costs to map the archive. HOLYSHEEP_CDS=0
# turns the archive off; HOLYSHEEP_JAVA_OPTS adds JVM options.
# A small young generation (-Xmn16m) keeps a long chat's peak RSS down (a stream allocates fast
# and short-lived); the old generation still grows as a long history needs.

# True for runs that load what a chat needs (HTTP, JSON): not help, version or a subcommand.
archives_chat_run() {
  case "${1:-}" in models|conversations|sim-gateway|config|doctor|help) return 1 ;; esac
  local arg
  for arg in "$@"; do
    case $arg in -h|--help|-V|--version) return 1 ;; esac
  done
  return 0
}

launch() {
  local jar=$1
  shift
  local jvm=(-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xmn16m -Xshare:auto -Xlog:cds=off,cds+dynamic=off)
  local archive="${jar%.jar}.jsa"
  local only_version=false
  if [ $# -eq 1 ]; then
    case $1 in -V|--version) only_version=true ;; esac
  fi
  if [ "${HOLYSHEEP_CDS:-1}" != 0 ] && ! $only_version && [ -w "$(dirname "$jar")" ]; then
    if [ -f "$archive" ] && [ "$archive" -nt "$jar" ]; then
      jvm+=(-XX:SharedArchiveFile="$archive")
    elif archives_chat_run "$@"; then
      local partial="$archive.$$.tmp" status
      set +e
      java "${jvm[@]}" -XX:ArchiveClassesAtExit="$partial" ${HOLYSHEEP_JAVA_OPTS:-} -jar "$jar" "$@"
      status=$?
      set -e
      [ -s "$partial" ] && mv -f "$partial" "$archive" 2>/dev/null || true
      rm -f "$partial"
      exit "$status"
    fi
  fi
  exec java "${jvm[@]}" ${HOLYSHEEP_JAVA_OPTS:-} -jar "$jar" "$@"
}
