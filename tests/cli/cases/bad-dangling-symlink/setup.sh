# A record that is a symbolic link to a file that does not exist.
mkdir -p specialists
ln -sfn missing.toml specialists/x.toml
