# shellcheck shell=bash
# Shared by scripts/test and scripts/bench: the local test image, built without any registry.
# Needs say() from common.sh (through engine.sh).

TEST_IMAGE=${BERTH_TEST_IMAGE:-berth-test-busybox:1}

# A root filesystem holding Debian's static busybox, imported as an image: no registry involved.
# The body is a subshell, so that its clean-up trap ends with it: a RETURN trap set in a function
# stays set in the caller and fires again on the caller's own return, where $work no longer exists.
build_test_image() (
  set -euo pipefail
  work=$(mktemp -d)
  trap 'rm -rf "$work"' EXIT
  if dpkg -s busybox-static >/dev/null 2>&1; then
    busybox=/bin/busybox
  else
    say "fetching Debian's busybox-static package (not installed: only unpacked)"
    (cd "$work" && { apt-get download busybox-static >/dev/null 2>&1 \
       || { apt-get update -qq && apt-get download busybox-static >/dev/null; }; } \
       && dpkg-deb -x busybox-static_*.deb pkg)
    busybox="$work/pkg/bin/busybox"
  fi
  mkdir -p "$work/root/bin" "$work/root/tmp" "$work/root/work" "$work/root/etc"
  cp "$busybox" "$work/root/bin/busybox"
  for applet in sh echo cat sleep ls env id pwd true false mkdir printf seq head tail wc yes; do
    ln -s busybox "$work/root/bin/$applet"
  done
  printf 'root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:/:/bin/sh\n' > "$work/root/etc/passwd"
  printf 'root:x:0:\nnogroup:x:65534:\n' > "$work/root/etc/group"
  chmod 1777 "$work/root/tmp"
  tar -C "$work/root" -c . | docker import -c 'CMD ["/bin/sh"]' - "$TEST_IMAGE" >/dev/null
  say "built test image $TEST_IMAGE"
)

ensure_test_image() {
  docker image inspect "$TEST_IMAGE" >/dev/null 2>&1 || build_test_image
}
