namespace planlines::layers { int placeholder() { return 0; } }
