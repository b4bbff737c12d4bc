"""Written by make: where make install put libabridge."""
LIBDIR = "/usr/local/lib"
