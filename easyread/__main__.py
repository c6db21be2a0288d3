from easyread.cli import main

raise SystemExit(main())
