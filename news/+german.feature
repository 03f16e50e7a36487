German translation.
