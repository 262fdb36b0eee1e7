"""Rules about the review itself: suppression comments that do not do what they say."""
