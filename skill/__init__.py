"""Glute Detective: an Alexa skill that narrows down the likely cause of a runner's buttock pain."""
