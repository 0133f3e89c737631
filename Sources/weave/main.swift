import WeaveCommands

WeaveCommandLine.main()
