from citycoop.cli import main
import sys

sys.exit(main())
