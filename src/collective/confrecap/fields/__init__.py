"""Schema fields with the validation rules shared by forms and REST."""
