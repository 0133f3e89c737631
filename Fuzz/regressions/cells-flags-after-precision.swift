print(String(format: "%.7-f", 1.0))
