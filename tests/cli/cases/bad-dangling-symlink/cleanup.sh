rm -f specialists/x.toml
rmdir specialists 2>/dev/null || true
