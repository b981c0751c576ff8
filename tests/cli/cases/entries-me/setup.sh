# The user config names the specialist that `entries` defaults to.
mkdir -p "$TMP/config/peerctl"
printf 'me = "vdoe"\n' >"$TMP/config/peerctl/config.toml"
