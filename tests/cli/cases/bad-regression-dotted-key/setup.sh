# As tests/fixtures/regressions/make-dotted-key.sh: a key of 150000 dotted parts, a.a.a....a = 1.
mkdir -p specialists
awk -v n=150000 'BEGIN { for (i = 1; i < n; i++) printf "a."; print "a = 1" }' > specialists/x.toml
