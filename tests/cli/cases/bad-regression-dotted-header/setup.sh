# The same key as a table header: [a.a.a....a] with 150000 parts.
mkdir -p specialists
awk -v n=150000 'BEGIN { printf "["; for (i = 1; i < n; i++) printf "a."; print "a]" }' > specialists/x.toml
