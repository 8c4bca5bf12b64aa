from echobot.cli import main

raise SystemExit(main())
