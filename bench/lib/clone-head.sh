# Sourced by the bench scripts: clone_head SRC DEST clones SRC's HEAD into DEST and, when BUILD_FROM (default SRC)
# holds a compiled build (build/bin/_build and its .nuke/temp/build.stamp), copies it in, as on a login node;
# build.sh compares the stamp and recompiles only when the sources differ.
clone_head() {
  local src="$1" dest="$2" from="${BUILD_FROM:-$1}"
  git clone -q "$src" "$dest"
  git -C "$dest" checkout -q "$(git -C "$src" rev-parse HEAD)"
  if [[ -f "$from/build/bin/_build/_build.dll" && -f "$from/.nuke/temp/build.stamp" ]]; then
    mkdir -p "$dest/build/bin" "$dest/.nuke/temp"
    cp -a "$from/build/bin/_build" "$dest/build/bin/"
    cp "$from/.nuke/temp/build.stamp" "$dest/.nuke/temp/"
  fi
}
