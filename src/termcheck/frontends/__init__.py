"""Front ends over the library: the command line, the HTTP API, and batch runs over many files."""
