"""The hall's web page (`kaoping serve`): the review ballot on phones and laptops, offline."""
