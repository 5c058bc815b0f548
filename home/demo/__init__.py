"""Demonstration content: fictitious practices, institution profiles, a real meeting, demo users."""
