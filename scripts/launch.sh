# Sourced by scripts/holysheep-chat and by the launcher scripts/install writes, so that both run
# the jar with the same JVM options and start-up archive. Defines one function:
#   launch JAR ARGS...   runs JAR with ARGS (stdin, stdout and the exit status passed through)
#
# Start-up (see docs/performance.md): a JVM tuned for short runs, plus a class-data-sharing
# archive of the classes a chat run loads, kept next to the jar (JAR with .jsa for .jar) and remade
# whenever the jar changes. It is a static archive (-Xshare:dump from the list of classes a chat
# run loaded) because only that kind can hold picocli's classes, which are of Java 5's class-file
# version. The first run that talks to a gateway (not --version, --help or a subcommand, which
# would list too little) writes that list; the archive is then dumped in the background, output
# discarded, so that run ends as soon as its answer does. One run at a time makes it (a lock
# directory), writing aside and renaming so that no run reads half a file; a dump that fails
# leaves a marker and is not tried again for the same jar. A missing or stale archive is
# silently ignored (-Xshare:auto, cds logging off), so stdout stays the answer. `--version`
# alone runs without it: that run loads a handful of classes, fewer than it costs to map the
# archive. HOLYSHEEP_CDS=0 turns the archive off; HOLYSHEEP_JAVA_OPTS adds JVM options.
# A small young generation (-Xmn16m) keeps a long chat's peak RSS down (a stream allocates fast
# and short-lived); the old generation still grows as a long history needs.

# True for runs that load what a chat needs (HTTP, JSON): not help, version or a subcommand.
archives_chat_run() {
  case "${1:-}" in models|conversations|sim-gateway|config|doctor|help|serve|roles|usage|rooms) return 1 ;; esac
  local arg
  for arg in "$@"; do
    # serve also after options (`--base-url URL serve`): a relay runs until stopped, and the
    # archive is for the chat's start-up, not the server's classes.
    case $arg in -h|--help|-V|--version|serve) return 1 ;; esac
  done
  return 0
}

launch() {
  local jar=$1
  shift
  local jvm=(-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xmn16m -Xshare:auto -Xlog:cds=off,cds+dynamic=off)
  local arg
  for arg in "$@"; do
    # The relay runs for days and relays many streams at once: the full JIT pays for itself and
    # the start-up flags do not (a prompt that merely contains the word only starts slower).
    if [ "$arg" = serve ]; then
      jvm=(-XX:+UseSerialGC -Xshare:auto -Xlog:cds=off,cds+dynamic=off)
      break
    fi
  done
  local archive="${jar%.jar}.jsa"
  local only_version=false
  if [ $# -eq 1 ]; then
    case $1 in -V|--version) only_version=true ;; esac
  fi
  if [ "${HOLYSHEEP_CDS:-1}" != 0 ] && ! $only_version && [ -w "${jar%/*}" ]; then
    # An archive only works with the JDK that made it (another one ignores it silently), so the
    # JDK's path is kept beside it and a change of JDK remakes it.
    local jdk made_by=""
    jdk=$(readlink -f "$(command -v java)" 2>/dev/null || command -v java || true)
    [ -f "$archive.jdk" ] && read -r made_by <"$archive.jdk"
    if [ -f "$archive" ] && [ "$archive" -nt "$jar" ] && [ "$made_by" = "$jdk" ]; then
      jvm+=(-XX:SharedArchiveFile="$archive")
    elif archives_chat_run "$@" && ! [ "$archive.failed" -nt "$jar" ] && claim_dump "$archive"; then
      local classes="$archive.$$.classes" status
      # Until the dump takes them over, the list and the lock are this run's to clean up.
      trap 'rm -f "$classes"; rmdir "$archive.lock" 2>/dev/null' EXIT
      set +e
      java "${jvm[@]}" -XX:DumpLoadedClassList="$classes" ${HOLYSHEEP_JAVA_OPTS:-} -jar "$jar" "$@"
      status=$?
      set -e
      trap - EXIT
      if [ -s "$classes" ]; then
        dump_archive "$jar" "$archive" "$classes" "$jdk" </dev/null >/dev/null 2>&1 &
      else
        rm -f "$classes"
        rmdir "$archive.lock"
      fi
      exit "$status"
    fi
  fi
  exec java "${jvm[@]}" ${HOLYSHEEP_JAVA_OPTS:-} -jar "$jar" "$@"
}

# True when this run may make ARCHIVE: no other run is making it. A lock left behind by a dump
# that was killed is given up after ten minutes.
claim_dump() {
  local lock="$1.lock"
  if [ -n "$(find "$lock" -maxdepth 0 -mmin +10 2>/dev/null)" ]; then
    rmdir "$lock" 2>/dev/null || true
  fi
  mkdir "$lock" 2>/dev/null
}

# Dumps ARCHIVE from the class list CLASSES (then removed) for JAR with the JDK at JDK; run in
# the background.
dump_archive() {
  local jar=$1 archive=$2 classes=$3 jdk=$4
  local partial="$archive.$$.tmp"
  trap 'rm -f "$classes" "$partial"; rmdir "$archive.lock"' EXIT
  trap 'exit 1' HUP INT TERM
  # The class path must be the one runs use (-jar JAR), as an absolute path.
  local made=false
  java -XX:+UseSerialGC -Xshare:dump -XX:SharedClassListFile="$classes" \
    -XX:SharedArchiveFile="$partial" -cp "$jar" && [ -s "$partial" ] && made=true
  rm -f "$classes"
  if $made; then
    printf '%s\n' "$jdk" >"$archive.jdk"
    mv -f "$partial" "$archive"
    rm -f "$archive.failed"
  else
    : >"$archive.failed"
  fi
}
