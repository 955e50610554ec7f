"""One module per place: each draws one background of assets/backgrounds/."""
