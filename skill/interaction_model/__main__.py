import sys

from skill.interaction_model.builder import main

sys.exit(main())
